package org.calconfleet.domino;

import java.util.Locale;

/** Why a Domino console command was not carried out. */
public enum DominoFailure {
    /** A name or port that may not go into a command line; nothing was sent. */
    INVALID_ARGUMENT(false),
    /** No such Domino server known to this console. */
    NOT_FOUND(false),
    UNREACHABLE(true),
    ACCESS_DENIED(false),
    /** The server answered with an error (e.g. EXCALCON already loaded). */
    REJECTED(false),
    TIMED_OUT(true),
    FAILED(false);

    private final boolean retryableByDefault;

    DominoFailure(boolean retryableByDefault) {
        this.retryableByDefault = retryableByDefault;
    }

    public boolean retryableByDefault() {
        return retryableByDefault;
    }

    public String messageKey() {
        return "domino.failure." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
