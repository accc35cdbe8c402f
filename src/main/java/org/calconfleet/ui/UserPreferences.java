package org.calconfleet.ui;

import java.util.Optional;
import org.calconfleet.access.Role;
import org.jspecify.annotations.Nullable;

/** What the layout shows of the signed-in user and the language it keeps for them; the security feature provides it. */
public interface UserPreferences {

    /** The signed-in user's name and role for the header, and the language they chose, if any. */
    record SignedIn(String displayName, Role role, @Nullable String language) {
    }

    Optional<SignedIn> signedIn();

    void changeMyLanguage(String language);
}
