/**
 * Translations: every text a user reads comes from the per-feature bundles {@code i18n/<feature>.properties},
 * in English and Japanese.
 */
@NullMarked
package org.calconfleet.i18n;

import org.jspecify.annotations.NullMarked;
