package org.calconfleet.security.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.calconfleet.access.SiteScope;
import org.calconfleet.security.ApiTokenCheck;
import org.calconfleet.security.ApiTokenService;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>}. A valid token makes the request its owner's, with the owner's role
 * and sites of now; an invalid one is answered 401 at once. Without the header the request goes on anonymous, and the chain's
 * entry point answers 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ApiAuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts;

    BearerTokenFilter(ApiTokenService tokens, ApiAuthenticationEntryPoint entryPoint,
            SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        switch (tokens.authenticate(header.substring(BEARER.length()).strip(), request.getRemoteAddr())) {
            case ApiTokenCheck.Accepted accepted -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(accepted.username(), null,
                        SiteScope.authorities(accepted.role(), accepted.sites())));
                contexts.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    contexts.clearContext();
                }
            }
            case ApiTokenCheck.Refused refused -> entryPoint.refuse(request, response, refused.reason().messageKey());
        }
    }
}
