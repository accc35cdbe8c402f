package org.calconfleet.security.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.calconfleet.security.SignInManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, SignInManager signIn) throws Exception {
        http.authenticationManager(signIn);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/components/**", "/webjars/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
