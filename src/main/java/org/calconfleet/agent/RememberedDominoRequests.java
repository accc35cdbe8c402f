package org.calconfleet.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.calconfleet.domino.DominoResult;
import org.calconfleet.domino.agent.DominoWire;

/**
 * The named Domino requests this agent carried out. A console node that resumes a DOMINO step which another node
 * began (and died before it could record the answer) sends the same request again; it gets the first answer back
 * instead of a second "Excalcon q" and "LOAD EXCALCON". A repeat that arrives while the first is still running
 * waits for it. Only requests that were sent are remembered: after a failure the console may try again. The
 * memory is bounded (the oldest are forgotten first) and lasts as long as the agent process.
 */
final class RememberedDominoRequests {

    private final Map<DominoWire.Request, CompletableFuture<DominoResult>> requests;

    RememberedDominoRequests(int capacity) {
        this.requests = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<DominoWire.Request, CompletableFuture<DominoResult>> eldest) {
                return size() > capacity;
            }
        };
    }

    DominoResult carryOut(DominoWire.Request request, Supplier<DominoResult> send) {
        CompletableFuture<DominoResult> mine = new CompletableFuture<>();
        CompletableFuture<DominoResult> earlier;
        synchronized (requests) {
            earlier = requests.putIfAbsent(request, mine);
        }
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException | CancellationException e) {
                return carryOut(request, send);
            }
        }
        try {
            DominoResult result = send.get();
            if (!(result instanceof DominoResult.Sent)) {
                forget(request, mine);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            forget(request, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void forget(DominoWire.Request request, CompletableFuture<DominoResult> entry) {
        synchronized (requests) {
            requests.remove(request, entry);
        }
    }
}
