/** The administrator's page of discovery: run it, read the differences, pick servers and add them. */
@NullMarked
package org.calconfleet.discovery.ui;

import org.jspecify.annotations.NullMarked;
