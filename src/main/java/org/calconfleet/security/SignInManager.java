package org.calconfleet.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The sign-in of the console's login page: the built-in users first (so a break-glass administrator signs in even
 * when the directory is down), then the directory if one is configured; both behind the limits on failed sign-ins.
 * The answer of the single sign-on provider, if one is configured, is checked here too; the password and the count
 * of failures are the provider's. Every outcome is published as an authentication event, which {@link SignInAudit}
 * records.
 */
@Component
public class SignInManager implements AuthenticationManager {

    private final ProviderManager providers;
    private final DefaultAuthenticationEventPublisher events;
    private final SignInThrottle throttle;
    private final Clock clock;

    SignInManager(AppUserDetailsService builtInUsers, PasswordEncoder passwordEncoder,
            ObjectProvider<AbstractLdapAuthenticationProvider> directory, ObjectProvider<SsoSignIn> singleSignOn,
            SignInThrottle throttle, ApplicationEventPublisher publisher, Clock clock) {
        DaoAuthenticationProvider builtIn = new DaoAuthenticationProvider(builtInUsers);
        builtIn.setPasswordEncoder(passwordEncoder);
        List<AuthenticationProvider> chain = new ArrayList<>(List.of(builtIn));
        directory.ifAvailable(chain::add);
        singleSignOn.ifAvailable(provider -> chain.add(provider.authenticationProvider()));
        this.events = new DefaultAuthenticationEventPublisher(publisher);
        this.events.setDefaultAuthenticationFailureEvent(SignInRefusedEvent.class);
        this.providers = new ProviderManager(chain);
        this.providers.setAuthenticationEventPublisher(events);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            return providers.authenticate(attempt);
        }
        String username = attempt.getName();
        String address = address(attempt);
        Optional<Instant> locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            long minutes = SignInThrottle.minutes(Duration.between(clock.instant(), locked.get()));
            SignInRefusedException refused = new SignInRefusedException("login.error.locked",
                    StoredMessage.of("security.refusal.locked", StoredMessage.at(locked.get())), minutes);
            events.publishAuthenticationFailure(refused, attempt);
            throw refused;
        }
        try {
            Authentication result = providers.authenticate(attempt);
            throttle.succeeded(username);
            return result;
        } catch (SignInRefusedException passwordWasRight) {
            throw passwordWasRight;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** A failure that Spring Security's own events do not name (ours, and the directory's own kinds). */
    public static class SignInRefusedEvent extends AbstractAuthenticationFailureEvent {
        public SignInRefusedEvent(Authentication authentication, AuthenticationException exception) {
            super(authentication, exception);
        }
    }
}
