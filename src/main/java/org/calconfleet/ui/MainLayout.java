package org.calconfleet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.calconfleet.common.DemoMode;
import org.calconfleet.i18n.Messages;

@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H2 viewTitle = new H2();
    private final AccessAnnotationChecker accessChecker = new AccessAnnotationChecker();

    MainLayout(UserPreferences preferences, AuthenticationContext authentication, DemoMode demoMode) {
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        viewTitle.addClassName("view-title");

        HorizontalLayout header = new HorizontalLayout(toggle, viewTitle);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName("app-header");
        header.setFlexGrow(1, viewTitle);
        if (demoMode.isActive()) {
            Span badge = new Span(getTranslation("layout.demo"));
            badge.addClassName("demo-badge");
            badge.getElement().setAttribute("title", getTranslation("layout.demo.hint"));
            header.add(badge);
        }
        header.add(languageSelect(preferences));
        preferences.signedIn().ifPresent(user -> {
            Span who = new Span(user.displayName() + " · " + getTranslation(user.role().messageKey()));
            who.addClassName("current-user");
            header.add(who);
        });
        Button logout = new Button(getTranslation("layout.logout"), new Icon(VaadinIcon.SIGN_OUT),
                click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        header.add(logout);
        addToNavbar(header);

        H1 appName = new H1(getTranslation("app.title"));
        appName.addClassName("app-name");
        addToDrawer(appName, navigation());
    }

    private Select<Locale> languageSelect(UserPreferences preferences) {
        Select<Locale> select = new Select<>();
        select.setItems(Messages.SUPPORTED);
        select.setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        select.setValue(Messages.supportedOrEnglish(getLocale()));
        select.setAriaLabel(getTranslation("layout.language"));
        select.addClassName("language-select");
        select.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            preferences.changeMyLanguage(change.getValue().getLanguage());
            UI ui = UI.getCurrent();
            ui.getSession().setLocale(change.getValue());
            ui.getPage().reload();
        });
        return select;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() != null && !accessChecker.hasAccess(entry.menuClass())) {
                continue;
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        viewTitle.setText(content instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
    }
}
