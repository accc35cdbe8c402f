/**
 * The shell every view sits in: the app shell, the main layout with its navigation, and the bridge from
 * Vaadin's i18n to the console's bundles.
 */
@NullMarked
package org.calconfleet.ui;

import org.jspecify.annotations.NullMarked;
