package org.calconfleet.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.calconfleet.common.CsvEncoding;
import org.jspecify.annotations.Nullable;

/**
 * Checks an exported audit CSV against the checkpoint files and the public key, without the console, its database
 * or Spring: only this class's package, {@code common.Csv} with Commons CSV, {@code common.CsvEncoding} and the JDK.
 * Run it as README "Verifying an export offline" shows. Exit status 0: intact; 1: the chain or the checkpoints do not
 * hold; 2: the input cannot be read.
 */
public final class OfflineAuditVerifier {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNUSABLE = 2;

    private OfflineAuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, Locale.getDefault()));
    }

    static int run(String[] args, PrintStream out, Locale language) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n.audit", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> options = options(args);
        if (options == null) {
            out.println(texts.getString("audit.offline.usage"));
            return UNUSABLE;
        }
        Path csv = Path.of(options.get("--csv"));
        try {
            PublicKey key = CheckpointKeys.readPublic(Path.of(options.get("--public-key")));
            CheckpointSet checkpoints = new CheckpointFolder(Path.of(options.get("--checkpoints"))).read(key, List.of());
            List<AuditEntry> entries;
            // The console exports in UTF-8 or CP932 (the auditor's choice); either reads back.
            switch (CsvEncoding.detect(Files.readAllBytes(csv))) {
                case CsvEncoding.Decoded decoded -> entries = AuditCsv.read(new StringReader(decoded.text()));
                case CsvEncoding.Undecodable undecodable -> throw new IOException(
                        csv + ": line " + undecodable.line() + " is not " + undecodable.encoding());
            }
            ChainCheck check = entries.isEmpty() ? ChainCheck.fromGenesis(checkpoints)
                    : ChainCheck.from(entries.getFirst(), checkpoints);
            for (AuditEntry entry : entries) {
                if (!check.accept(entry)) {
                    break;
                }
            }
            ChainVerification result = check.finish(null);
            out.println(format(texts, language, "audit.offline.read", entries.size(),
                    entries.isEmpty() ? 0 : entries.getFirst().getSeq(),
                    entries.isEmpty() ? 0 : entries.getLast().getSeq(), checkpoints.valid().size(),
                    check.checkpointsNotReached()));
            out.println(format(texts, language, result.messageKey(), result.messageArguments()));
            return result.isIntact() ? INTACT : BROKEN;
        } catch (IOException | AuditCsv.Unreadable e) {
            out.println(format(texts, language, "audit.offline.unreadable", e.getMessage()));
            return UNUSABLE;
        }
    }

    /** The three options, each given once; null when any is missing or unknown. */
    private static @Nullable Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        boolean complete = args.length == 6 && options.keySet().equals(Set.of("--csv", "--checkpoints",
                "--public-key"));
        return complete ? options : null;
    }

    private static String format(ResourceBundle texts, Locale language, String key, Object... args) {
        return new MessageFormat(texts.getString(key), language).format(args);
    }
}
