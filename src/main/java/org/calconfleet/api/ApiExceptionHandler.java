package org.calconfleet.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The problems every API controller shares: invalid requests (which field, why), missing rights, unknown resources,
 * concurrent edits, and anything unexpected. A feature's own refusals are answered by that feature's advice, which
 * comes first.
 */
@RestControllerAdvice(basePackages = "org.calconfleet")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Bean Validation constraints that have a text of ours ({@code api.validation.<code>}). */
    private static final Set<String> TRANSLATED = Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max",
            "AssertTrue", "Pattern");

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problems.respond(problems.problem(HttpStatus.FORBIDDEN, ApiProblems.Type.FORBIDDEN, locale(),
                "api.problem.forbidden", List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problems.respond(problems.problem(HttpStatus.NOT_FOUND, ApiProblems.Type.NOT_FOUND, locale(),
                e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(OptimisticLockingFailureException e) {
        return problems.respond(problems.problem(HttpStatus.CONFLICT, ApiProblems.Type.CONFLICT, locale(),
                "api.problem.concurrent", List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("API request failed", e);
        return problems.respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, ApiProblems.Type.INTERNAL,
                locale(), "api.problem.internal", List.of()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getBindingResult().getAllErrors().stream());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getParameterValidationResults().stream().flatMap(result -> result.getResolvableErrors()
                .stream().map(error -> fieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
                        error))).toList());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : String.valueOf(e.getPropertyName());
        return invalid(List.of(problems.fieldProblem(field, locale(), "api.validation.type",
                List.of(String.valueOf(e.getValue())))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return missing(e.getParameterName());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getRequestPartName());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()
                ? json.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                        : String.valueOf(r.getIndex())).collect(Collectors.joining("."))
                : "body";
        return invalid(List.of(problems.fieldProblem(field, locale(), "api.validation.unreadable", List.of())));
    }

    private ResponseEntity<Object> missing(String field) {
        return invalid(List.of(problems.fieldProblem(field, locale(), "api.validation.NotNull", List.of())));
    }

    private ResponseEntity<Object> invalid(Stream<? extends ObjectError> errors) {
        return invalid(errors.map(error -> fieldProblem(error instanceof FieldError f ? f.getField()
                : error.getObjectName(), error)).toList());
    }

    private ResponseEntity<Object> invalid(List<ApiProblems.FieldProblem> fields) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, ApiProblems.Type.VALIDATION, locale(),
                "api.problem.validation", List.of(fields.stream().map(ApiProblems.FieldProblem::field)
                        .distinct().collect(Collectors.joining(", "))));
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Our text for the usual constraints (their arguments without the field itself); Bean Validation's otherwise. */
    private ApiProblems.FieldProblem fieldProblem(String field, MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String code = codes == null || codes.length == 0 ? null : codes[codes.length - 1];
        if (code == null || !TRANSLATED.contains(code)) {
            return new ApiProblems.FieldProblem(field, "api.validation.other", String.valueOf(error.getDefaultMessage()));
        }
        Object[] arguments = error.getArguments() == null ? new Object[0] : error.getArguments();
        List<Object> values = Stream.of(arguments).filter(a -> !(a instanceof MessageSourceResolvable)).toList();
        return problems.fieldProblem(field, locale(), "api.validation." + code, values);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
