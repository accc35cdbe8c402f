package org.calconfleet.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calconfleet.common.DemoMode;
import org.calconfleet.security.NewUser;
import org.calconfleet.security.UserRejectedException;
import org.calconfleet.security.UserService;

/** A new installation without the demo: create the first administrator, then sign in and set up the rest. */
@Route("setup")
@AnonymousAllowed
class FirstRunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final UserService userService;
    private final DemoMode demoMode;

    FirstRunView(UserService userService, DemoMode demoMode) {
        this.userService = userService;
        this.demoMode = demoMode;
        addClassName("first-run");
        setMaxWidth("44rem");
        UserFields fields = new UserFields(false);
        Button create = new Button(getTranslation("firstRun.create"), click -> {
            NewUser user = fields.value();
            if (user == null) {
                return;
            }
            try {
                userService.createFirstAdmin(user);
                Notification.show(getTranslation("firstRun.created", user.username()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            } catch (UserRejectedException e) {
                fields.show(e);
            }
        });
        create.setId("first-run-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        OrderedList next = new OrderedList(new ListItem(getTranslation("firstRun.step.admin")),
                new ListItem(getTranslation("firstRun.step.policy")),
                new ListItem(getTranslation("firstRun.step.servers")));
        add(new H1(getTranslation("firstRun.title")), new Paragraph(getTranslation("firstRun.explain")), next,
                fields, create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (demoMode.isActive() || !userService.firstRunNeeded()) {
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("firstRun.title");
    }
}
