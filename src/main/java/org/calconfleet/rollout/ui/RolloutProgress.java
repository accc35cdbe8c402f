package org.calconfleet.rollout.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.calconfleet.change.RolloutCounts;

/**
 * How far a rollout is: the hosts finished out of all. A rollout whose hosts wait only for someone to confirm the
 * Domino commands has done its own part: its bar is full and says what it waits for, rather than standing empty.
 */
class RolloutProgress extends Div {

    private final ProgressBar bar = new ProgressBar();
    private final Span label = new Span();

    RolloutProgress(RolloutCounts counts) {
        bar.getElement().setAttribute("aria-label", getTranslation("jobs.progress"));
        label.addClassName("progress-label");
        add(bar, label);
        show(counts);
    }

    void show(RolloutCounts counts) {
        bar.setMax(Math.max(1, counts.total()));
        boolean onlyDomino = waitsOnlyForDomino(counts);
        bar.setValue(onlyDomino ? bar.getMax() : counts.total() - counts.unfinished());
        label.setText(onlyDomino ? getTranslation("jobs.awaitingDomino", counts.awaitingConfirmation()) : "");
        label.setVisible(onlyDomino);
    }

    String label() {
        return label.isVisible() ? label.getText() : "";
    }

    double value() {
        return bar.getValue() / bar.getMax();
    }

    private static boolean waitsOnlyForDomino(RolloutCounts counts) {
        return counts.awaitingConfirmation() > 0 && counts.pending() == 0 && counts.running() == 0;
    }
}
