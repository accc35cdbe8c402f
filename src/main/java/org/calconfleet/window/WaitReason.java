package org.calconfleet.window;

/** Why a site starts no host now. Stored by name. */
public enum WaitReason {
    /** The site has weekly windows and none is open. */
    WINDOW,
    /** A freeze of the site, or of all sites, is in force. */
    FREEZE
}
