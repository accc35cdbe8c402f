/**
 * What the REST API under {@code /api/v1} shares across features: errors as RFC 9457 problem details in the
 * caller's language, the OpenAPI description with its bearer token scheme. Each feature's controllers live in its
 * own {@code api} subpackage and depend on this; this depends on no feature.
 */
@NullMarked
package org.calconfleet.api;

import org.jspecify.annotations.NullMarked;
