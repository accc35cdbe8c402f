package org.calconfleet.fleet.api;

import java.util.List;
import java.util.Locale;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.fleet.ConcurrentEditException;
import org.calconfleet.fleet.ServerRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The fleet's refusals as problems: values against the rules (422, field by field), a stale version (409), a CSV
 * file that cannot be imported (422).
 */
@RestControllerAdvice(assignableTypes = {ServersController.class, ServerImportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class FleetProblems {

    private final ApiProblems problems;

    FleetProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ServerRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ServerRejectedException e, Locale locale) {
        var first = e.problems().getFirst();
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.Type.REFUSED, locale,
                first.messageKey(), first.arguments());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> problems.fieldProblem(p.field(), locale, p.messageKey(), p.arguments())).toList());
        return problems.respond(problem);
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefusedException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.Type.REFUSED, locale,
                e.messageKey(), e.arguments());
        e.details().forEach(problem::setProperty);
        return problems.respond(problem);
    }

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentEditException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, ApiProblems.Type.CONFLICT, locale,
                "api.server.stale", List.of(e.changedBy(), e.changedAt().toString()));
        problem.setProperty("changedBy", e.changedBy());
        problem.setProperty("changedAt", e.changedAt());
        problem.setProperty("theirChanges", e.theirChanges());
        return problems.respond(problem);
    }
}
