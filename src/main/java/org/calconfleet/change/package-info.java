/**
 * Change requests: which servers, which port, why, who asked and who approved. A change is planned host by host
 * before anything runs (the values now and after, the prechecks, the firewall openings, the Domino commands), kept
 * as a draft or submitted, and approved or rejected by a second person. An approved change is handed to whoever
 * carries changes out through {@link org.calconfleet.change.ChangeExecution}; this feature knows nothing of how.
 */
@NullMarked
package org.calconfleet.change;

import org.jspecify.annotations.NullMarked;
