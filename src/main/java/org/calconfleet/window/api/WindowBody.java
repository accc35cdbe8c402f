package org.calconfleet.window.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/** A weekly window: {@code zone} is an IANA zone id such as {@code Asia/Tokyo}. */
record WindowBody(@NotBlank @Nullable String site, @NotNull @Nullable DayOfWeek day, @NotNull @Nullable LocalTime start,
                  @NotNull @Nullable LocalTime end, @NotBlank @Nullable String zone) {
}
