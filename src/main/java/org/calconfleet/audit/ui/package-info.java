/**
 * The audit trail's screen: filter, read, verify the chain, export.
 */
@NullMarked
package org.calconfleet.audit.ui;

import org.jspecify.annotations.NullMarked;
