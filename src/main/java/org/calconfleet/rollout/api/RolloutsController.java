package org.calconfleet.rollout.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneOffset;
import java.util.Locale;
import org.calconfleet.api.NotFoundException;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.api.ChangesController;
import org.calconfleet.change.api.DecisionBody;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.FollowUps;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.RolloutService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rollouts")
@Tag(name = "Rollouts")
class RolloutsController {

    static final int MAX_PAGE_SIZE = 500;

    private final FollowUps followUps;
    private final RolloutService rollouts;
    private final Messages messages;

    RolloutsController(FollowUps followUps, RolloutService rollouts, Messages messages) {
        this.followUps = followUps;
        this.rollouts = rollouts;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Rollouts, newest first, with their counts per host state", description = "Every role.")
    PageResponse<ChangeSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Locale locale) {
        return PageResponse.of(rollouts.rollouts(PageRequest.of(page, size)).map(change -> rendered(change, locale)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rollout's state and progress: counts per host state", description = "Every role.")
    ChangeSummary read(@PathVariable long id, Locale locale) {
        return rendered(existing(id), locale);
    }

    private ChangeSummary existing(long id) {
        return rollouts.rollout(id).orElseThrow(() -> new NotFoundException("rollout.change.unknown", id));
    }

    @GetMapping("/{id}/hosts")
    @Operation(summary = "The rollout's host runs in order, each with its step, state and last message",
            description = "Every role. The last message, failure reason, previous values and plan are in the language of"
                    + " Accept-Language (English or Japanese), times within them in UTC.")
    PageResponse<HostRunView> hosts(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size, Locale locale) {
        existing(id);
        return PageResponse.of(rollouts.hostRuns(id, PageRequest.of(page, size))
                .map(run -> rendered(run, locale)));
    }

    @PostMapping("/{id}/retry-failed")
    @Operation(summary = "Retry the failed hosts of a finished rollout as a new change, for approval",
            description = "ADMIN and OPERATOR. The hosts of the rollout that failed, were rolled back or need attention"
                    + " are planned again at the ports their runs aimed at, with the rollout's reason, ticket and waves;"
                    + " a host fixed in the meantime plans as no change. The new change names the rollout in"
                    + " retryOf, and the rollout lists it in retries. 409 while the rollout has not finished or when"
                    + " it has no such host; 422 when every such host is already at its port.")
    ResponseEntity<ChangeSummary> retryFailed(@PathVariable long id) {
        ChangeSummary retry = followUps.submitRetry(id);
        return ChangesController.created(retry);
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Roll back a finished rollout as a new change, for approval",
            description = "ADMIN and OPERATOR. Each host that took the change (done, or waiting for its Domino"
                    + " confirmation) is planned back to the port it had before, with the rollout's waves; a host whose"
                    + " previous values were not one port is blocked. The reason is required (422 without); the ticket"
                    + " defaults to the rollout's. The new change names the rollout in rollbackOf. 409 while the"
                    + " rollout has not finished, for a rollback of a rollback, and when no host took the change.")
    ResponseEntity<ChangeSummary> rollback(@PathVariable long id, @RequestBody RollbackBody body) {
        ChangeSummary original = existing(id);
        ChangeSummary rollback = followUps.submitRollback(id, body.reason() == null ? "" : body.reason(),
                body.ticket() == null || body.ticket().isBlank() ? original.ticket() : body.ticket().strip());
        return ChangesController.created(rollback);
    }

    @PostMapping("/{id}/hosts/{hostRunId}/confirm-domino")
    @Operation(summary = "Confirm that the runbook's Domino commands were typed on the Domino console",
            description = "ADMIN and OPERATOR. For a host run waiting for the confirmation (state "
                    + "AWAITING_CONFIRMATION, its dominoCommands show what to type): recorded with who and when, with"
                    + " the comment, and the host run is done. 404 for a host run not of this rollout; 409 when it is"
                    + " not waiting.")
    HostRunView confirmDomino(@PathVariable long id, @PathVariable long hostRunId,
            @RequestBody(required = false) @Nullable DecisionBody body, Locale locale) {
        rollouts.hostRun(hostRunId).filter(run -> run.rolloutId() == id)
                .orElseThrow(() -> new NotFoundException("rollout.run.unknown", hostRunId));
        String comment = DecisionBody.text(body);
        return rendered(rollouts.confirmDomino(hostRunId, comment.isBlank() ? null : comment), locale);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel: no new host starts; a host past its write finishes or rolls back",
            description = "ADMIN and OPERATOR. The comment is kept as the reason.")
    ChangeSummary cancel(@PathVariable long id, @RequestBody(required = false) DecisionBody body, Locale locale) {
        return rendered(rollouts.cancel(id, DecisionBody.text(body)), locale);
    }

    /** Why a change ended, in the caller's language, times within it in UTC. */
    private ChangeSummary rendered(ChangeSummary change, Locale locale) {
        Locale language = Messages.supportedOrEnglish(locale);
        return change.withEndReasonRendered(stored -> messages.render(stored, language, ZoneOffset.UTC));
    }

    /** A host run's stored messages in the caller's language, times within them in UTC. */
    private HostRunView rendered(HostRunView run, Locale locale) {
        Locale language = Messages.supportedOrEnglish(locale);
        return run.withMessagesRendered(stored -> messages.render(stored, language, ZoneOffset.UTC));
    }
}
