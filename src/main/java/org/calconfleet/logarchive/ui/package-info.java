/** The administrators' page for archiving old rollout logs and downloading the archives. */
@NullMarked
package org.calconfleet.logarchive.ui;

import org.jspecify.annotations.NullMarked;
