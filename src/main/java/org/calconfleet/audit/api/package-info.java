/**
 * The audit trail's REST endpoints under {@code /api/v1/audit}: query, CSV export, chain verification; through
 * {@link org.calconfleet.audit.AuditTrail}, so only ADMIN and AUDITOR get through, and exports and verifications
 * are themselves audited.
 */
@NullMarked
package org.calconfleet.audit.api;

import org.jspecify.annotations.NullMarked;
