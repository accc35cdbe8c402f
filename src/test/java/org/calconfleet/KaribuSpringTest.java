package org.calconfleet;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.calconfleet.access.Role;
import org.calconfleet.ui.AccessDeniedPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** Browserless UI tests: real Spring context, real services, Vaadin mocked by Karibu. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class KaribuSpringTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        // Karibu's own discovery sees only public classes, and our views are package-private. The console's own
        // error pages (not found, refused to the role) stand in for Karibu's, which throw instead of showing a page.
        Routes defaults = new Routes().autoDiscoverViews("org.calconfleet");
        routes = new Routes(routeClasses(), errorViews(), defaults.getSkipPwaInit());
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends HasErrorParameter<?>>> errorViews() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        Set<Class<? extends HasErrorParameter<?>>> views = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents("org.calconfleet")) {
            views.add((Class<? extends HasErrorParameter<?>>) ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), KaribuSpringTest.class.getClassLoader()));
        }
        return views;
    }

    @SuppressWarnings("unchecked")
    public static Set<Class<? extends Component>> routeClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<Class<? extends Component>> views = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents("org.calconfleet")) {
            views.add((Class<? extends Component>) ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), KaribuSpringTest.class.getClassLoader()));
        }
        return views;
    }

    /** Opens a route and tells whether the signed-in user's role was refused it (the console's own refusal page). */
    protected static boolean refusedAt(String route) {
        UI.getCurrent().navigate(route);
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst() instanceof AccessDeniedPage;
    }

    protected void openAnonymously() {
        setUpVaadin();
    }

    protected void signIn(String username, Role role) {
        var auth = new UsernamePasswordAuthenticationToken(username, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
        SecurityContextHolder.getContext().setAuthentication(auth);
        setUpVaadin();
        // Vaadin's security-context strategy reads the context from the session once a Vaadin session exists.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        SecurityContextHolder.setContext(context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, roleName) -> role.name().equals(roleName));
    }

    private void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
