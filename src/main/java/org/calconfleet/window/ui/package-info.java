/** The administrator's page of weekly maintenance windows and freezes. */
@NullMarked
package org.calconfleet.window.ui;

import org.jspecify.annotations.NullMarked;
