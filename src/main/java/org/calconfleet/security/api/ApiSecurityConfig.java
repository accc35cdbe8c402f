package org.calconfleet.security.api;

import java.util.List;
import org.calconfleet.api.ApiProblems;
import org.calconfleet.security.ApiTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API's filter chain, ahead of the console's: stateless, no session, no CSRF (there is no cookie to forge
 * with), no login page; a bearer token or a 401 problem.
 */
@Configuration
class ApiSecurityConfig {

    static final String API_PATHS = "/api/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ApiProblems problems,
            SecurityContextHolderStrategy contexts) throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(problems);
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                problems.problem(HttpStatus.FORBIDDEN, ApiProblems.Type.FORBIDDEN,
                                        request.getLocale(), "api.problem.forbidden", List.of()))))
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint, contexts),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
