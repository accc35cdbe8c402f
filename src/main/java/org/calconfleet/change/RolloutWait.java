package org.calconfleet.change;

import java.time.Instant;
import org.calconfleet.window.WaitReason;

/** A running rollout starts no host of {@code site} before {@code until}, for {@code reason}. */
public record RolloutWait(WaitReason reason, String site, Instant until) {
}
