package org.calconfleet.security.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.calconfleet.api.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem detail, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ApiProblems problems;

    ApiAuthenticationEntryPoint(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"calcon\"");
        problems.write(request, response, problems.problem(HttpStatus.UNAUTHORIZED, ApiProblems.Type.UNAUTHENTICATED,
                request.getLocale(), "api.token.missing", List.of()));
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, String messageKey) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"calcon\", error=\"invalid_token\"");
        problems.write(request, response, problems.problem(HttpStatus.UNAUTHORIZED, ApiProblems.Type.UNAUTHENTICATED,
                request.getLocale(), messageKey, List.of()));
    }
}
