package org.calconfleet.security;

import org.calconfleet.i18n.StoredMessage;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Sign-in through the OpenID Connect provider (authorization code flow), beside the console's own sign-in page:
 * the page links to {@link #signInPath()}, the provider sends the browser back to
 * {@code /login/oauth2/code/sso}, and {@link SignInManager} checks the answer with the provider (the ID token's
 * issuer, audience, signature, expiry and nonce) before {@link SsoAccounts} maps the user's groups to a role.
 * Exists only when {@code calcon.sso.enabled=true}.
 */
public class SsoSignIn {

    static final String REGISTRATION_ID = "sso";

    private final String providerName;
    private final ProviderRegistration registration;
    private final OidcAuthorizationCodeAuthenticationProvider provider;

    SsoSignIn(SsoSettings settings, SsoAccounts accounts) {
        this.providerName = settings.name();
        this.registration = new ProviderRegistration(REGISTRATION_ID, settings);
        this.provider = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), accounts);
    }

    /** The provider as people know it, for the sign-in button. */
    public String providerName() {
        return providerName;
    }

    /** Where the sign-in button sends the browser, relative to the console's root. */
    public String signInPath() {
        return "oauth2/authorization/" + REGISTRATION_ID;
    }

    /**
     * Adds the provider's sign-in to the console's web security; a refusal, and a provider that cannot be reached,
     * come back to {@code loginPage} with {@code ?error} and the reason in the session, as a refused password does.
     */
    public void configure(HttpSecurity http, String loginPage) {
        var toLoginPage = new SimpleUrlAuthenticationFailureHandler(loginPage + "?error");
        http.oauth2Login(login -> login.loginPage(loginPage)
                .clientRegistrationRepository(registration)
                .authorizedClientRepository(new NoAuthorizedClients())
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O redirect) {
                        redirect.setAuthenticationFailureHandler((request, response, failure) ->
                                toLoginPage.onAuthenticationFailure(request, response, new SignInRefusedException(
                                        "login.error.ssoUnavailable", StoredMessage.of("security.refusal.ssoUnavailable"),
                                        providerName)));
                        return redirect;
                    }
                }));
    }

    AuthenticationProvider authenticationProvider() {
        return provider;
    }
}
