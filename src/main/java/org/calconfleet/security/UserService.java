package org.calconfleet.security;

import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<AppUser> listUsers() {
        return users.findAll(Sort.by("username"));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<AppUser> currentUser() {
        return CurrentUser.username().flatMap(users::findByUsername);
    }

    @PermitAll
    @Transactional
    public void changeMyLanguage(String language) {
        currentUser().ifPresent(user -> user.setLanguage(language));
    }

    /** Start-up only: called by the demo seeding and the first-admin bootstrap, before anyone signs in. */
    @Transactional
    AppUser createIfAbsent(String username, String displayName, String rawPassword, Role role) {
        return users.findByUsername(username).orElseGet(() ->
                users.save(new AppUser(username, displayName, passwordEncoder.encode(rawPassword), role)));
    }

    @Transactional(readOnly = true)
    boolean anyAdminExists() {
        return users.existsByRole(Role.ADMIN);
    }
}
