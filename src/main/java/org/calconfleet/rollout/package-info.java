/**
 * Port changes and how they are carried out. A change request (which servers, which port, why, who asked, who
 * approved) is planned per host before anything runs, approved by a second person, then rolled out by the job
 * engine (db-scheduler, on the console's database): waves with a canary, a concurrency limit and a failure
 * threshold; per host a small state machine (precheck, write, restart, verify, Domino, done, or rolled back)
 * persisted before and after every step, so that a console that dies mid-rollout resumes on another node without
 * repeating a step.
 */
@NullMarked
package org.calconfleet.rollout;

import org.jspecify.annotations.NullMarked;
