/**
 * The shell every view sits in: the app shell, the main layout with its navigation, and the bridge from
 * Vaadin's i18n to the console's bundles. The signed-in user reaches it through {@link UserPreferences},
 * which the security feature provides, so the layout sits below every feature.
 */
@NullMarked
package org.calconfleet.ui;

import org.jspecify.annotations.NullMarked;
