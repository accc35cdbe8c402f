package org.calconfleet.host;

/** The value of a successful host call that has nothing to return. */
public enum Done {
    DONE
}
