package org.calconfleet.ui;

import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/** A path that is no route of the console. */
@ParentLayout(MainLayout.class)
@PermitAll
class NotFoundPage extends ErrorPage<NotFoundException> {

    NotFoundPage() {
        super("error.notFound.title", HttpStatusCode.NOT_FOUND.getCode());
    }

    @Override
    String explain(String path) {
        return getTranslation("error.notFound", path);
    }
}
