package org.calconfleet.fleet;

import org.jspecify.annotations.Nullable;

/** What the servers grid is narrowed to: free text over host, Domino partner and notes, and a site. */
public record ServerFilter(String text, @Nullable String site) {

    public static final ServerFilter NONE = new ServerFilter("", null);

    public ServerFilter {
        text = text.strip();
    }
}
