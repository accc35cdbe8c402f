package org.calconfleet.rollout;

/**
 * Progress that another console node made, noticed here by {@link RemoteProgressRelay}. Screens show it like their
 * own node's {@link RolloutProgressEvent}; whatever must happen once per step in the whole cluster (counters, mail)
 * listens to the node's own events only and so never counts a step twice.
 */
public record RelayedProgress(RolloutProgressEvent progress) {
}
