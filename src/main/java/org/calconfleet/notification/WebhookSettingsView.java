package org.calconfleet.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The webhook as people see it: its URL and whether a secret is set, never the secret. Empty when none is set. */
public record WebhookSettingsView(@Nullable String url, boolean secretSet, @Nullable String changedBy,
                                  @Nullable Instant changedAt) {

    static final WebhookSettingsView NONE = new WebhookSettingsView(null, false, null, null);
}
