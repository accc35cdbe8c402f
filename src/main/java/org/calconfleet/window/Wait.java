package org.calconfleet.window;

import java.time.Instant;

/** A site starts no host before {@code until}, for {@code reason}. */
public record Wait(WaitReason reason, Instant until) {
}
