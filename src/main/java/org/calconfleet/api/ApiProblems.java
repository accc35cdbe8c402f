package org.calconfleet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the API's problem details: a type per kind of problem, a title and a detail in the caller's language
 * ({@code Accept-Language}, English or Japanese), and the message key so scripts can tell refusals apart.
 */
@Component
public class ApiProblems {

    public static final String TYPE_PREFIX = "urn:calcon:problem:";

    /** The kinds of problem; each has a title in the bundles ({@code api.problem.<type>.title}). */
    public enum Type {
        UNAUTHENTICATED("unauthenticated"), FORBIDDEN("forbidden"), NOT_FOUND("not-found"),
        VALIDATION("validation"), REFUSED("refused"), CONFLICT("conflict"), INTERNAL("internal");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public URI uri() {
            return URI.create(TYPE_PREFIX + code);
        }

        String titleKey() {
            return "api.problem." + code + ".title";
        }
    }

    /** One field's problem, for validation errors and refused values. */
    public record FieldProblem(String field, String messageKey, String message) {
    }

    private final Messages messages;
    private final JsonMapper json;

    ApiProblems(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(HttpStatus status, Type type, Locale locale, String messageKey, List<?> arguments) {
        Locale language = Messages.supportedOrEnglish(locale);
        return problem(status, type, language, messageKey, messages.get(messageKey, language, arguments.toArray()));
    }

    /** A refusal kept as a message with typed arguments, in the caller's language (times within it in UTC). */
    public ProblemDetail problem(HttpStatus status, Type type, Locale locale, StoredMessage refusal) {
        Locale language = Messages.supportedOrEnglish(locale);
        return problem(status, type, language, refusal.code(), messages.render(refusal, language, ZoneOffset.UTC));
    }

    private ProblemDetail problem(HttpStatus status, Type type, Locale language, String messageKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(messages.get(type.titleKey(), language));
        problem.setProperty("messageKey", messageKey);
        return problem;
    }

    public FieldProblem fieldProblem(String field, Locale locale, String messageKey, List<?> arguments) {
        return new FieldProblem(field, messageKey,
                messages.get(messageKey, Messages.supportedOrEnglish(locale), arguments.toArray()));
    }

    public ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** For the security filters, which answer before Spring MVC is reached. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
