package org.calconfleet.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the checkpoints' signing key and files live ({@code calcon.audit.checkpoint.*}, README "Audit checkpoints").
 * The key file is required: without it the console does not start, because a trail that cannot be anchored would
 * be promised to auditors all the same. Only the demo (and the tests) may have a missing key made for them.
 */
@ConfigurationProperties("calcon.audit.checkpoint")
record AuditCheckpointSettings(@Nullable Path keyFile, @DefaultValue("./data/audit-checkpoints") Path directory,
                               @DefaultValue("15m") Duration interval, @DefaultValue("false") boolean createMissingKey,
                               @Nullable String node) {

    static final String KEY_FILE_PROPERTY = "calcon.audit.checkpoint.key-file";
    static final String KEY_FILE_VARIABLE = "CALCON_AUDIT_KEY_FILE";
}
