package org.calconfleet.security.ui;

import java.util.Optional;
import org.calconfleet.security.UserService;
import org.calconfleet.ui.UserPreferences;
import org.springframework.stereotype.Component;

/** The layout's view of the signed-in user, read from their user record and kept in it. */
@Component
class AppUserPreferences implements UserPreferences {

    private final UserService userService;

    AppUserPreferences(UserService userService) {
        this.userService = userService;
    }

    @Override
    public Optional<SignedIn> signedIn() {
        return userService.currentUser()
                .map(user -> new SignedIn(user.getDisplayName(), user.getRole(), user.getLanguage()));
    }

    @Override
    public void changeMyLanguage(String language) {
        userService.changeMyLanguage(language);
    }
}
