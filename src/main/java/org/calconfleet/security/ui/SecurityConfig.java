package org.calconfleet.security.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.calconfleet.access.Role;
import org.calconfleet.security.SignInManager;
import org.calconfleet.security.SsoSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, SignInManager signIn, ObjectProvider<SsoSignIn> singleSignOn)
            throws Exception {
        http.authenticationManager(signIn);
        singleSignOn.ifAvailable(provider -> provider.configure(http, "/login"));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/components/**", "/webjars/**").permitAll()
                .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .hasRole(Role.ADMIN_NAME));
        // A path that is no route must reach Vaadin's not-found page for a signed-in user; Vaadin would deny it
        // before the servlet (an empty 403). Routes still check their roles in Vaadin's navigation access control.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }
}
