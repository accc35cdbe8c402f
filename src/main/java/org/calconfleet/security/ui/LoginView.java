package org.calconfleet.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinSession;
import org.calconfleet.common.DemoMode;
import org.calconfleet.security.SignInRefusedException;
import org.calconfleet.security.DemoUsers;
import org.calconfleet.security.SsoSignIn;
import org.calconfleet.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

@Route("login")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final UserService userService;
    private final DemoMode demoMode;
    private final @Nullable SsoSignIn singleSignOn;

    LoginView(DemoMode demoMode, UserService userService, ObjectProvider<SsoSignIn> singleSignOn) {
        this.userService = userService;
        this.demoMode = demoMode;
        this.singleSignOn = singleSignOn.getIfAvailable();
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(getTranslation("login.error.message")));
        add(new H1(getTranslation("app.title")), new Paragraph(getTranslation("login.tagline")), login);
        if (this.singleSignOn != null) {
            add(singleSignOnLink(this.singleSignOn));
        }
        if (demoMode.isActive()) {
            add(demoUsers());
        }
    }

    private LoginI18n i18n(String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(errorMessage);
        return i18n;
    }

    /** A plain link (the browser leaves the page for the provider), drawn as a button. */
    private Div singleSignOnLink(SsoSignIn provider) {
        Anchor link = new Anchor(provider.signInPath(), getTranslation("login.sso", provider.providerName()));
        link.setRouterIgnore(true);
        link.setId("sso-sign-in");
        link.addClassName("sso-button");
        Span or = new Span(getTranslation("login.sso.or"));
        or.addClassName("sso-or");
        Div box = new Div(or, link);
        box.addClassName("sso");
        return box;
    }

    private Div demoUsers() {
        Div box = new Div();
        box.addClassName("demo-users");
        Span heading = new Span(getTranslation("login.demo.heading"));
        heading.addClassName("demo-badge");
        box.add(heading, new Paragraph(getTranslation("login.demo.explain")));
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            box.add(new Div(new Span(getTranslation(user.role().messageKey()) + ": "),
                    new Span(user.username() + " / " + user.password())));
        }
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!demoMode.isActive() && userService.firstRunNeeded()) {
            event.forwardTo(FirstRunView.class);
            return;
        }
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            login.setI18n(i18n(failureMessage()));
        }
        login.setError(failed);
    }

    /** Why the last sign-in of this session failed, in words that never tell whether the user exists. */
    private String failureMessage() {
        VaadinSession session = VaadinSession.getCurrent();
        Object failure = session == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof SignInRefusedException refused) {
            return getTranslation(refused.messageKey(), refused.arguments());
        }
        if (failure instanceof AuthenticationServiceException) {
            return getTranslation("login.error.unavailable");
        }
        if (failure instanceof OAuth2AuthenticationException && singleSignOn != null) {
            return getTranslation("login.error.sso", singleSignOn.providerName());
        }
        return getTranslation("login.error.message");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
