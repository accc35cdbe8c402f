/**
 * The audit trail: an append-only history of every change and every security-relevant act, each entry chained
 * to the one before by a SHA-256 hash so that an auditor can prove nothing was altered or removed; and signed
 * checkpoints of the chain's head, written outside the database, so that even a rewrite that recomputed every hash
 * is found, in the console or offline from an export ({@link org.calconfleet.audit.OfflineAuditVerifier}).
 */
@NullMarked
package org.calconfleet.audit;

import org.jspecify.annotations.NullMarked;
