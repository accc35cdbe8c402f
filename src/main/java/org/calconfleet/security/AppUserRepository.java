package org.calconfleet.security;

import org.calconfleet.access.Role;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** Built-in users only: a directory administrator is no break-glass account. */
    boolean existsByRoleAndDirectoryFalse(Role role);
}
