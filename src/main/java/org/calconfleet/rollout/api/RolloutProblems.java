package org.calconfleet.rollout.api;

import java.util.Locale;
import java.util.Set;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.api.ChangesController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused change operation as a problem with the change service's own message: 404 for an unknown change, 409 when
 * the change is in the wrong state (or its hosts are busy elsewhere, or it has no host to roll back or retry), 422
 * for every other refusal (own approval, policy, nothing to change, missing reason).
 */
@RestControllerAdvice(assignableTypes = {RolloutsController.class, ChangesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RolloutProblems {

    private static final Set<String> NOT_FOUND = Set.of("rollout.change.unknown", "rollout.run.unknown");
    private static final Set<String> CONFLICT = Set.of("rollout.approve.state", "rollout.approve.busy",
            "rollout.cancel.finished", "rollout.submit.not-a-draft", "rollout.run.not-awaiting",
            "rollout.rollback.not-run", "rollout.rollback.not-finished", "rollout.rollback.of-rollback",
            "rollout.rollback.nothing", "rollout.retry.not-finished", "rollout.retry.nothing");

    private final ApiProblems problems;

    RolloutProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ChangeRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ChangeRefusedException e, Locale locale) {
        String key = e.messageKey();
        HttpStatus status = NOT_FOUND.contains(key) ? HttpStatus.NOT_FOUND
                : CONFLICT.contains(key) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ApiProblems.Type type = switch (status) {
            case NOT_FOUND -> ApiProblems.Type.NOT_FOUND;
            case CONFLICT -> ApiProblems.Type.CONFLICT;
            default -> ApiProblems.Type.REFUSED;
        };
        return problems.respond(problems.problem(status, type, locale, e.refusal()));
    }
}
