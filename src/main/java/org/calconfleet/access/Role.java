package org.calconfleet.access;

/** The four roles of DESIGN.md; the constants exist because annotations need compile-time strings. */
public enum Role {
    ADMIN, OPERATOR, AUDITOR, HELPDESK;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String OPERATOR_NAME = "OPERATOR";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String HELPDESK_NAME = "HELPDESK";

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
