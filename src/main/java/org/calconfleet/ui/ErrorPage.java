package org.calconfleet.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;

/**
 * A route that cannot be shown, said inside the main layout in the reader's language, with the way back to the
 * dashboard: Vaadin's own error pages are bare English without the navigation.
 */
abstract class ErrorPage<E extends Exception> extends VerticalLayout implements HasErrorParameter<E>, HasDynamicTitle {

    static final String DASHBOARD = "dashboard";

    private final String titleKey;
    private final int status;

    ErrorPage(String titleKey, int status) {
        this.titleKey = titleKey;
        this.status = status;
        addClassName("error-page");
    }

    /** What to say about the path the reader asked for (without its leading slash). */
    abstract String explain(String path);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<E> parameter) {
        removeAll();
        Paragraph explanation = new Paragraph(explain(event.getLocation().getPath()));
        explanation.setId("error-explanation");
        Anchor back = new Anchor(DASHBOARD, getTranslation("error.back"));
        back.setId("error-back");
        add(explanation, back);
        return status;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
