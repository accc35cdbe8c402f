package org.calconfleet.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The console as a client of the provider, from the provider's discovery document. It is read at the first sign-in
 * that needs it and kept; until the provider has answered it is asked again at every sign-in, so a provider that is
 * down when the console starts costs only its own sign-ins (the built-in accounts work throughout).
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);

    private final String registrationId;
    private final SsoSettings settings;
    private volatile @Nullable ClientRegistration discovered;

    ProviderRegistration(String registrationId, SsoSettings settings) {
        this.registrationId = registrationId;
        this.settings = settings;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String id) {
        if (!registrationId.equals(id)) {
            return null;
        }
        ClientRegistration known = discovered;
        if (known != null) {
            return known;
        }
        try {
            known = ClientRegistrations.fromOidcIssuerLocation(settings.issuerUri())
                    .registrationId(registrationId)
                    .clientName(settings.name())
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope(settings.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
        } catch (RuntimeException unreachable) {
            log.warn("Single sign-on: the provider's discovery document at {} could not be read: {}",
                    settings.issuerUri(), unreachable.toString());
            return null;
        }
        discovered = known;
        return known;
    }
}
