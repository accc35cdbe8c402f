/** The change screens: the change wizard, and the plan of a change host by host, before anything runs. */
@NullMarked
package org.calconfleet.change.ui;

import org.jspecify.annotations.NullMarked;
