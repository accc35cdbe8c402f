package org.calconfleet.fleet.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.common.CsvEncoding;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ImportPreview;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerValues;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded CSV as read, in the encoding detected or given: every row with its outcome and, for a refused one,
 * why; and, unless it was a dry run, how many servers were added and updated.
 */
record ImportResponse(boolean dryRun, CsvEncoding encoding, int valid, int refused, long existing,
                      @Schema(description = "Servers added; none in a dry run") @Nullable Integer added,
                      @Schema(description = "Servers updated; none in a dry run") @Nullable Integer updated,
                      List<Row> rows) {

    /** What an import does with a row. */
    enum Outcome {
        NEW, EXISTING, REFUSED
    }

    @Schema(name = "ImportRow")
    record Row(int line, String hostName, Outcome outcome,
               @Schema(description = "The values read; none when the line could not be read into values")
               @Nullable ServerValues values,
               @Schema(description = "Why the row is refused, field by field") List<ApiProblems.FieldProblem> problems,
               @Schema(description = "Numbers written with full-width digits or spaces, and what they were read as")
               List<ImportPreview.Normalised> normalised,
               @Schema(description = "What the row holds that is not stored")
               List<ApiProblems.FieldProblem> notStored) {
    }

    static ImportResponse of(ImportPreview preview, FleetService.@Nullable ImportResult result, ApiProblems problems,
            Locale locale) {
        return new ImportResponse(result == null, preview.encoding(), preview.validRows().size(),
                preview.badRows().size(), preview.existingCount(), result == null ? null : result.added(),
                result == null ? null : result.updated(), rows(preview.rows(), problems, locale));
    }

    static List<Row> rows(List<ImportPreview.Row> rows, ApiProblems problems, Locale locale) {
        return rows.stream().map(row -> new Row(row.line(), row.hostName(),
                !row.valid() ? Outcome.REFUSED : row.existing() ? Outcome.EXISTING : Outcome.NEW, row.values(),
                rendered(row.problems(), problems, locale), row.normalised(),
                rendered(row.notStored(), problems, locale))).toList();
    }

    private static List<ApiProblems.FieldProblem> rendered(List<ServerProblem> found, ApiProblems problems,
            Locale locale) {
        return found.stream().map(p -> problems.fieldProblem(p.field(), locale, p.messageKey(), p.arguments()))
                .toList();
    }
}
