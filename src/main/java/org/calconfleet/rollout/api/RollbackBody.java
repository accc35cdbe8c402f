package org.calconfleet.rollout.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Why a rollout is rolled back, and the ticket (the rollout's own when none is given). */
record RollbackBody(@Schema(description = "Required: why the hosts go back to their previous ports")
                    @Nullable String reason,
                    @Schema(description = "Default: the rollout's ticket") @Nullable String ticket) {
}
