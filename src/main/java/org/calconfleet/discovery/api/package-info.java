/**
 * Discovery's REST endpoint, {@code POST /api/v1/discovery}: runs a discovery and answers what it found; it adds
 * nothing (adding is the page's, one confirmed pick at a time). Through the discovery service, so its ADMIN-only
 * method security and its audit entry apply.
 */
@NullMarked
package org.calconfleet.discovery.api;

import org.jspecify.annotations.NullMarked;
