package org.calconfleet.policy.ui;

import com.vaadin.flow.component.Component;

/** A panel a feature above the policy adds at the foot of the policy page, so the page does not depend on it. */
public interface PolicyPanel {

    Component create();
}
