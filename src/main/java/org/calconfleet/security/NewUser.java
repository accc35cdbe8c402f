package org.calconfleet.security;

import org.calconfleet.access.Role;

/** A user to be created, with the password as typed (it is hashed before it is stored). */
public record NewUser(String username, String displayName, String password, Role role) {

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + role + "]";
    }
}
