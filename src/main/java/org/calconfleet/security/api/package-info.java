/**
 * The REST API's own web security: a stateless filter chain for {@code /api/**} that authenticates personal API
 * tokens (bearer) and answers 401 and 403 as problem details. The console's Vaadin chain stays as it is.
 */
@NullMarked
package org.calconfleet.security.api;

import org.jspecify.annotations.NullMarked;
