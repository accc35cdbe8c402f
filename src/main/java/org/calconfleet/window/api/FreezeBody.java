package org.calconfleet.window.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A freeze of one site, or of all sites without {@code site}. */
record FreezeBody(@Nullable String site, @NotNull @Nullable Instant from, @NotNull @Nullable Instant until,
                  @NotBlank @Nullable String reason) {
}
