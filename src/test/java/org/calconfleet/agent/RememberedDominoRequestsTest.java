package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.domino.agent.DominoWire;
import org.junit.jupiter.api.Test;

class RememberedDominoRequestsTest {

    private static final DominoResult SENT = new DominoResult.Sent("D", List.of("Excalcon q"), List.of("ok"));

    private static DominoWire.Request request(String id) {
        return new DominoWire.Request("D", List.of(DominoCommand.quit()), id);
    }

    @Test
    void a_repeat_that_arrives_while_the_first_runs_waits_for_its_answer_and_sends_nothing() throws Exception {
        RememberedDominoRequests remembered = new RememberedDominoRequests(10);
        AtomicInteger sends = new AtomicInteger();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<DominoResult> first = CompletableFuture.supplyAsync(() -> remembered.carryOut(request("a"), () -> {
            sends.incrementAndGet();
            sending.countDown();
            await(release);
            return SENT;
        }));
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        FutureTask<DominoResult> repeat = new FutureTask<>(() -> remembered.carryOut(request("a"), () -> count(sends)));
        Thread repeating = Thread.ofPlatform().start(repeat);
        // parked in the wait for the first answer: nothing but that answer lets it go on
        Awaitility.await("the repeat waiting for the first answer").atMost(Duration.ofSeconds(30))
                .until(() -> repeating.getState() == Thread.State.WAITING);
        assertThat(repeat).isNotDone();
        assertThat(sends).hasValue(1);

        release.countDown();

        assertThat(repeat.get(30, TimeUnit.SECONDS)).isSameAs(first.get(30, TimeUnit.SECONDS));
        assertThat(sends).hasValue(1);
    }

    @Test
    void the_same_id_for_other_commands_is_another_request() {
        RememberedDominoRequests remembered = new RememberedDominoRequests(10);
        AtomicInteger sends = new AtomicInteger();
        remembered.carryOut(request("a"), () -> count(sends));
        remembered.carryOut(new DominoWire.Request("D", List.of(DominoCommand.quit(), DominoCommand.quit()), "a"),
                () -> count(sends));

        assertThat(sends).hasValue(2);
    }

    @Test
    void failures_are_not_remembered_and_the_oldest_answers_are_forgotten_first() {
        RememberedDominoRequests remembered = new RememberedDominoRequests(2);
        AtomicInteger sends = new AtomicInteger();
        remembered.carryOut(request("failing"), () -> {
            sends.incrementAndGet();
            return DominoResult.failed("D", List.of("Excalcon q"), DominoFailure.TIMED_OUT, "slow");
        });
        remembered.carryOut(request("failing"), () -> count(sends));
        assertThat(sends).as("a failure is tried again").hasValue(2);

        remembered.carryOut(request("b"), () -> count(sends));
        remembered.carryOut(request("c"), () -> count(sends));
        remembered.carryOut(request("c"), () -> count(sends));
        assertThat(sends).as("c is remembered").hasValue(4);
        remembered.carryOut(request("failing"), () -> count(sends));
        assertThat(sends).as("the oldest, failing, was forgotten").hasValue(5);
    }

    private static DominoResult count(AtomicInteger sends) {
        sends.incrementAndGet();
        return SENT;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
