/** The administrator's screen of the credential vault: write-only secrets. */
@NullMarked
package org.calconfleet.credential.ui;

import org.jspecify.annotations.NullMarked;
