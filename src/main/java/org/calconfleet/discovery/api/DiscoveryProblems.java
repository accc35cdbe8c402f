package org.calconfleet.discovery.api;

import java.util.Locale;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.discovery.DiscoveryFailedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A discovery that could not read the forest: 409, the reason in the caller's language and as a code. */
@RestControllerAdvice(assignableTypes = DiscoveryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DiscoveryProblems {

    private final ApiProblems problems;

    DiscoveryProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DiscoveryFailedException.class)
    ResponseEntity<ProblemDetail> failed(DiscoveryFailedException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, ApiProblems.Type.CONFLICT, locale,
                e.messageKey(), e.arguments());
        problem.setProperty("cause", e.kind());
        return problems.respond(problem);
    }
}
