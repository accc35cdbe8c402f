/**
 * A port change's REST endpoints before it runs, under {@code /api/v1/rollouts}: plan, submit (or keep as a draft),
 * approve or reject; through {@link org.calconfleet.change.ChangeService}, so its method security, the four-eyes
 * rule and audit apply.
 */
@NullMarked
package org.calconfleet.change.api;

import org.jspecify.annotations.NullMarked;
