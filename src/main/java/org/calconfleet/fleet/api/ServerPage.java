package org.calconfleet.fleet.api;

import java.util.List;

/** One page of servers and how many match the filter in all. */
record ServerPage(List<ServerResponse> items, int page, int size, long total) {
}
