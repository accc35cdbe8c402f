package org.calconfleet.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;
import org.calconfleet.access.CurrentUser;

/** A route the signed-in user's role may not open (Vaadin's access control reroutes here). */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedPage extends ErrorPage<AccessDeniedException> {

    AccessDeniedPage() {
        super("error.forbidden.title", HttpStatusCode.FORBIDDEN.getCode());
    }

    @Override
    String explain(String path) {
        return CurrentUser.role()
                .map(role -> getTranslation("error.forbidden.role", getTranslation(role.messageKey()), path))
                .orElseGet(() -> getTranslation("error.forbidden", path));
    }
}
