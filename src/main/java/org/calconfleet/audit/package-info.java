/**
 * The audit trail: an append-only history of every change and every security-relevant act, each entry chained
 * to the one before by a SHA-256 hash so that an auditor can prove nothing was altered or removed.
 */
@NullMarked
package org.calconfleet.audit;

import org.jspecify.annotations.NullMarked;
