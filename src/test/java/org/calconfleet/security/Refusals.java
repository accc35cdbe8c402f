package org.calconfleet.security;

import org.calconfleet.i18n.StoredMessage;

/** Refusals as the sign-in makes them, for tests of the pages that show them. */
public final class Refusals {

    private Refusals() {
    }

    public static SignInRefusedException refusal(String messageKey, Object... arguments) {
        return new SignInRefusedException(messageKey, StoredMessage.of("security.refusal.disabled"), arguments);
    }
}
