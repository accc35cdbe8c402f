package org.calconfleet.audit.api;

import java.util.List;

/** One page of entries, newest first, and how many match the filter in all. */
record AuditPage(List<AuditEntryResponse> items, int page, int size, long total) {
}
