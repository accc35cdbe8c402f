package org.calconfleet.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.calconfleet.notification.WebhookSettings;
import org.calconfleet.policy.ui.PolicyPanel;

/** The webhook's settings at the foot of the policy page. */
@SpringComponent
class WebhookPolicyPanel implements PolicyPanel {

    private final WebhookSettings settings;

    WebhookPolicyPanel(WebhookSettings settings) {
        this.settings = settings;
    }

    @Override
    public Component create() {
        return new WebhookPanel(settings);
    }
}
