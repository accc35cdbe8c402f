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
import java.util.Locale;
import java.util.Objects;
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
@Tag(name = "Audit", description = "The SHA-256 chained audit trail: query, export, verify")
class AuditController {

    static final int MAX_PAGE_SIZE = 1000;

    private final AuditTrail audit;
    private final Messages messages;

    AuditController(AuditTrail audit, Messages messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/entries")
    @Operation(summary = "Entries, newest first, narrowed by subject, actor, action and time (from inclusive, to "
            + "exclusive)", description = "ADMIN and AUDITOR.")
    AuditPage entries(@ParameterObject AuditQuery query, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        AuditFilter filter = query.toFilter();
        return new AuditPage(audit.search(filter, PageRequest.of(page, size)).stream()
                .map(AuditEntryResponse::of).toList(), page, size, audit.count(filter));
    }

    @GetMapping("/export")
    @Operation(summary = "The matching entries as RFC 4180 CSV, oldest first, hashes included; the export is "
            + "itself audited", description = "ADMIN and AUDITOR.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
    void export(@ParameterObject AuditQuery query,
            HttpServletResponse response) throws IOException {
        try (Writer csv = new CsvResponseWriter(response, "audit-trail.csv")) {
            audit.exportCsv(query.toFilter(), csv);
        }
    }

    @PostMapping("/verify")
    @Operation(summary = "Walk the whole chain and check every link; the check is itself audited",
            description = "ADMIN and AUDITOR.")
    VerificationResponse verify(Locale locale) {
        ChainVerification result = audit.verify();
        Locale language = Messages.supportedOrEnglish(locale);
        String message = result.isIntact() ? messages.get("audit.verify.intact", language, result.checked())
                : messages.get("audit.verify.broken", language, result.brokenAtSeq(),
                        messages.get(Objects.requireNonNull(result.problem()).messageKey(), language));
        return new VerificationResponse(result.isIntact(), result.checked(), result.brokenAtSeq(), result.problem(),
                message);
    }
}
