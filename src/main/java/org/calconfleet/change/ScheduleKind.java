package org.calconfleet.change;

/** When a change may run: as soon as it is approved, or in a maintenance window. */
public enum ScheduleKind {
    NOW, WINDOW
}
