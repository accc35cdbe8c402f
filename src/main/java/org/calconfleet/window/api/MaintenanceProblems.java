package org.calconfleet.window.api;

import java.util.List;
import java.util.Locale;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.window.MaintenanceRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A window or freeze refused: 404 for one that no longer exists, 422 otherwise, in the caller's language. */
@RestControllerAdvice(assignableTypes = MaintenanceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MaintenanceProblems {

    private final ApiProblems problems;

    MaintenanceProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MaintenanceRejectedException.class)
    ResponseEntity<ProblemDetail> refused(MaintenanceRejectedException e, Locale locale) {
        boolean gone = e.messageKey().equals(MaintenanceRejectedException.NOT_FOUND);
        return problems.respond(problems.problem(gone ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT,
                gone ? ApiProblems.Type.NOT_FOUND : ApiProblems.Type.REFUSED, locale, e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(UnknownZoneException.class)
    ResponseEntity<ProblemDetail> unknownZone(UnknownZoneException e, Locale locale) {
        return problems.respond(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.Type.REFUSED, locale,
                "maintenance.zone.unknown", List.of(e.getMessage())));
    }
}
