package org.calconfleet.fleet.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.common.CsvEncoding;
import org.calconfleet.fleet.DuplicateHandling;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ImportPreview;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The server editor's CSV import for scripts: the same reading, rules and preview as the import dialog's. */
@RestController
@RequestMapping("/api/v1/servers/import")
@Tag(name = "Servers")
class ServerImportController {

    private static final String DESCRIPTION = "ADMIN and OPERATOR. The file of the console's CSV export (English or"
            + " Japanese header), read in UTF-8, UTF-16 or Shift_JIS (CP932) as its bytes suggest unless encoding is"
            + " given. Every row comes back as read: NEW, EXISTING (the host is in the inventory) or REFUSED with why,"
            + " field by field. dryRun=true stores nothing. Otherwise the valid rows are stored together, the refused"
            + " ones skipped, and the import is audited with the reason; with duplicates=REFUSE (the default) a row"
            + " whose host is in the inventory refuses the whole import (422), with UPDATE it replaces that server's"
            + " values. 422 when the file is not text in the encoding or not CSV (with the line), or, for a real"
            + " import, has no valid row.";

    private final FleetService fleet;
    private final ApiProblems problems;

    ServerImportController(FleetService fleet, ApiProblems problems) {
        this.fleet = fleet;
        this.problems = problems;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import servers from a CSV file sent as the body, or preview the import (dryRun=true)",
            description = DESCRIPTION)
    ImportResponse importCsv(@RequestBody(required = false) byte @Nullable [] file,
            @Parameter(description = "Read and check only; nothing is stored")
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "Read the file in this encoding instead of the one its bytes suggest")
            @RequestParam(required = false) @Nullable CsvEncoding encoding,
            @RequestParam(defaultValue = "REFUSE") DuplicateHandling duplicates,
            @Parameter(description = "Reason or ticket, for the audit trail")
            @RequestParam(defaultValue = "") String reason, Locale locale) {
        ImportPreview preview = fleet.previewImport(file == null ? new byte[0] : file, encoding);
        refuseUnreadable(preview);
        if (dryRun) {
            return ImportResponse.of(preview, null, problems, locale);
        }
        if (preview.validRows().isEmpty()) {
            throw new ImportRefusedException("api.import.nothing", List.of(preview.badRows().size()),
                    Map.of("rows", ImportResponse.rows(preview.rows(), problems, locale)));
        }
        return ImportResponse.of(preview, fleet.importServers(preview, duplicates, reason.strip()), problems, locale);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import servers from a CSV file uploaded as the form part 'file', or preview the import",
            description = DESCRIPTION)
    ImportResponse importUpload(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Nullable CsvEncoding encoding,
            @RequestParam(defaultValue = "REFUSE") DuplicateHandling duplicates,
            @RequestParam(defaultValue = "") String reason, Locale locale) throws IOException {
        return importCsv(file.getBytes(), dryRun, encoding, duplicates, reason, locale);
    }

    private static void refuseUnreadable(ImportPreview preview) {
        if (preview.undecodableLine() != null) {
            throw new ImportRefusedException("api.import.undecodable",
                    List.of(preview.encoding().name(), preview.undecodableLine()),
                    Map.of("encoding", preview.encoding(), "line", preview.undecodableLine()));
        }
        if (preview.syntaxErrorLine() != null) {
            throw new ImportRefusedException("fleet.import.syntax", List.of(preview.syntaxErrorLine()),
                    Map.of("encoding", preview.encoding(), "line", preview.syntaxErrorLine()));
        }
    }
}
