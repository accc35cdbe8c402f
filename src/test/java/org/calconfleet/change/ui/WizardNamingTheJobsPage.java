package org.calconfleet.change.ui;

import org.calconfleet.rollout.RolloutService;

/**
 * What the wizard did before the change feature had a page of its own: it named the rollout feature's classes, while
 * the rollout feature builds on the change feature. {@code ArchitectureTest} imports it to see its rule fail.
 */
final class WizardNamingTheJobsPage {

    static final Class<?> JOBS = RolloutService.class;

    private WizardNamingTheJobsPage() {
    }
}
