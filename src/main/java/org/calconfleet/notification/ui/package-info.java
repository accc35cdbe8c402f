/** The webhook's settings as a part of the port policy's page: its URL, and a secret people write but never read. */
@NullMarked
package org.calconfleet.notification.ui;

import org.jspecify.annotations.NullMarked;
