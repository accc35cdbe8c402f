package org.calconfleet.siem;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forwards the entries after the cursor, a batch at a time, oldest first. The cursor's row stays locked while a batch
 * is on its way, so one node forwards at a time and in order, and it moves only once the receiver has read the batch:
 * a failure leaves it where it was and the batch goes again (at-least-once; the sequence number lets the SIEM drop a
 * repeat). Nothing here runs in a change's transaction, so a receiver that is down or slow holds up no change.
 */
@Service
@EnableConfigurationProperties(SyslogSettings.class)
class AuditForwarder {

    private static final Logger log = LoggerFactory.getLogger(AuditForwarder.class);

    enum Outcome {
        /** A whole batch went; more may be waiting. */
        MORE,
        /** The receiver has everything there was. */
        CAUGHT_UP,
        FAILED,
        /** Another node holds the cursor: it is forwarding. */
        ELSEWHERE
    }

    private final SyslogSettings settings;
    private final AuditFeed feed;
    private final ForwardingCursor cursor;
    private final AuditSentence sentence;
    private final SyslogFormat format;
    private final SyslogTransport transport;
    private final Clock clock;

    AuditForwarder(SyslogSettings settings, AuditFeed feed, ForwardingCursor cursor, AuditSentence sentence,
            Clock clock) {
        this.settings = settings;
        this.feed = feed;
        this.cursor = cursor;
        this.sentence = sentence;
        this.format = new SyslogFormat(settings.facility(), settings.hostnameOrLocal(), settings.appName(),
                settings.enterpriseNumber());
        this.transport = new SyslogTransport(settings);
        this.clock = clock;
    }

    @Transactional
    public Outcome forwardNextBatch() {
        Optional<ForwardingStatus> claimed = cursor.claim();
        if (claimed.isEmpty()) {
            return Outcome.ELSEWHERE;
        }
        ForwardingStatus status = claimed.get();
        List<AuditEntry> batch = feed.after(status.forwardedSeq(), settings.batchSize());
        if (batch.isEmpty()) {
            return Outcome.CAUGHT_UP;
        }
        try {
            transport.deliver(batch.stream().map(e -> format.frame(e, sentence.of(e, settings.language()))).toList());
        } catch (IOException e) {
            ForwardingFailure failure = ForwardingFailure.of(e);
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            cursor.failed(failure, detail, clock.instant());
            if (!status.failing()) {
                log.warn("Forwarding the audit trail to {} failed ({}: {}); entries from #{} on wait in the trail "
                        + "and follow when the receiver reads them", settings.target(), failure, detail,
                        status.forwardedSeq() + 1);
            }
            return Outcome.FAILED;
        }
        cursor.delivered(batch.getLast().getSeq(), clock.instant());
        if (status.failing()) {
            log.info("Forwarding the audit trail to {} works again after {} failed attempts", settings.target(),
                    status.failures());
        }
        return batch.size() == settings.batchSize() ? Outcome.MORE : Outcome.CAUGHT_UP;
    }
}
