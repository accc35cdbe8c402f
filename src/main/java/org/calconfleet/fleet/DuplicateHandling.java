package org.calconfleet.fleet;

/** What an import does with a host name already in the inventory. */
public enum DuplicateHandling {
    UPDATE, REFUSE
}
