/**
 * The Domino console port: the EXCALCON commands of the procedure ({@code Excalcon q},
 * {@code LOAD EXCALCON ...}) for one Domino server, as typed results, with a runbook adapter that only
 * tells the operator what to type.
 */
@NullMarked
package org.calconfleet.domino;

import org.jspecify.annotations.NullMarked;
