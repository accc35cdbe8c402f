package org.calconfleet.rollout.ui;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.calconfleet.rollout.RelayedProgress;
import org.calconfleet.rollout.RolloutProgressEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands each committed rollout step, this node's and those relayed from other nodes, to the open views that watch
 * rollouts; they push it to their browsers.
 */
@Component
class RolloutBroadcaster {

    private final Set<Consumer<RolloutProgressEvent>> listeners = new CopyOnWriteArraySet<>();

    Runnable register(Consumer<RolloutProgressEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void progressed(RolloutProgressEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @EventListener
    void relayed(RelayedProgress relayed) {
        progressed(relayed.progress());
    }
}
