package org.calconfleet.window.api;

import org.jspecify.annotations.Nullable;

/** A window's zone that is not an IANA zone id. */
class UnknownZoneException extends RuntimeException {

    UnknownZoneException(@Nullable String zone) {
        super(String.valueOf(zone));
    }
}
