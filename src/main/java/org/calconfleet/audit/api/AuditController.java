package org.calconfleet.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.Locale;
import org.calconfleet.audit.AuditCheckpoints;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.audit.ChainVerification;
import org.calconfleet.api.CsvResponseWriter;
import org.calconfleet.i18n.Messages;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The SHA-256 chained audit trail: query, export, verify, signed checkpoints")
class AuditController {

    static final int MAX_PAGE_SIZE = 1000;

    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;
    private final Messages messages;

    AuditController(AuditTrail audit, AuditCheckpoints checkpoints, Messages messages) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.messages = messages;
    }

    @GetMapping("/entries")
    @Operation(summary = "Entries, newest first, narrowed by subject, actor, action and time (from inclusive, to "
            + "exclusive)", description = "ADMIN and AUDITOR. before, after and reason are the stored values the hash"
            + " covers; beforeText, afterText and reasonText are the same values in the Accept-Language, times in UTC.")
    AuditPage entries(@ParameterObject AuditQuery query, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size, Locale locale) {
        AuditFilter filter = query.toFilter();
        Locale language = Messages.supportedOrEnglish(locale);
        return new AuditPage(audit.search(filter, PageRequest.of(page, size)).stream()
                .map(entry -> AuditEntryResponse.of(entry, messages, language)).toList(), page, size,
                audit.count(filter));
    }

    @GetMapping("/export")
    @Operation(summary = "The matching entries as RFC 4180 CSV, oldest first, hashes included; the export is "
            + "itself audited", description = "ADMIN and AUDITOR. After the hashed columns, the time, the action and the"
            + " values in the Accept-Language, times in UTC.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    void export(@ParameterObject AuditQuery query, HttpServletResponse response, Locale locale) throws IOException {
        try (Writer csv = new CsvResponseWriter(response, "audit-trail.csv")) {
            audit.exportCsv(query.toFilter(), csv, Messages.supportedOrEnglish(locale), ZoneOffset.UTC);
        }
    }

    @PostMapping("/verify")
    @Operation(summary = "Walk the whole chain, check every link and every signed checkpoint file against it; the check"
            + " is itself audited",
            description = "ADMIN and AUDITOR.")
    VerificationResponse verify(Locale locale) {
        ChainVerification result = audit.verify();
        String message = messages.get(result.messageKey(), Messages.supportedOrEnglish(locale),
                result.messageArguments());
        return new VerificationResponse(result.isIntact(), result.checked(), result.checkpointsChecked(),
                result.brokenAtSeq(), result.checkpoint(), result.problem(), message);
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign the chain's head now and write the checkpoint file (and mail it when mail is set up);"
            + " the checkpoint is itself audited", description = "ADMIN and AUDITOR.")
    CheckpointResponse checkpoint() {
        return CheckpointResponse.of(checkpoints.writeNow());
    }
}
