package org.calconfleet.rollout.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Locale;
import org.calconfleet.api.NotFoundException;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.ChangeService;
import org.calconfleet.rollout.ChangeSummary;
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
@Tag(name = "Rollouts",
        description = "Port changes: plan, submit, four-eyes approval, progress, Domino confirmation, cancel, rollback,"
                + " retry of the failed hosts")
class RolloutsController {

    static final int MAX_PAGE_SIZE = 500;

    private final ChangeService changes;
    private final RolloutService rollouts;
    private final Messages messages;

    RolloutsController(ChangeService changes, RolloutService rollouts, Messages messages) {
        this.changes = changes;
        this.rollouts = rollouts;
        this.messages = messages;
    }

    @PostMapping("/plan")
    @Operation(summary = "What a change would do on each host, read from the hosts now; nothing is stored",
            description = "ADMIN and OPERATOR. Values and precheck findings are in the Accept-Language (English or"
                    + " Japanese); each finding's code names it for scripts.")
    PlanResponse plan(@Valid @RequestBody ChangeRequestBody body, Locale locale) {
        return PlanResponse.of(changes.plan(body.toDraft()), messages, locale);
    }

    @PostMapping
    @Operation(summary = "Plan the change afresh and submit it for approval, or keep it as a draft",
            description = "ADMIN and OPERATOR. Where the policy asks for no approval it is scheduled at once.")
    ResponseEntity<ChangeSummary> create(@Valid @RequestBody ChangeRequestBody body,
            @RequestParam(defaultValue = "false") boolean draft) {
        ChangeSummary saved = draft ? changes.saveDraft(body.toDraft()) : changes.submit(body.toDraft());
        return created(saved);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft: planned again from the hosts as they are now, as a new change",
            description = "ADMIN and OPERATOR.")
    ResponseEntity<ChangeSummary> submitDraft(@PathVariable long id) {
        ChangeSummary submitted = changes.submitDraft(id);
        return created(submitted);
    }

    @GetMapping
    @Operation(summary = "Rollouts, newest first, with their counts per host state", description = "Every role.")
    PageResponse<ChangeSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return PageResponse.of(rollouts.rollouts(PageRequest.of(page, size)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rollout's state and progress: counts per host state", description = "Every role.")
    ChangeSummary read(@PathVariable long id) {
        return rollouts.rollout(id).orElseThrow(() -> new NotFoundException("rollout.change.unknown", id));
    }

    @GetMapping("/{id}/hosts")
    @Operation(summary = "The rollout's host runs in order, each with its step, state and last message",
            description = "Every role. The last message, failure reason, previous values and plan are in the language of"
                    + " Accept-Language (English or Japanese), times within them in UTC.")
    PageResponse<HostRunView> hosts(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size, Locale locale) {
        read(id);
        return PageResponse.of(rollouts.hostRuns(id, PageRequest.of(page, size))
                .map(run -> rendered(run, locale)));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve (a second person: never the requester); the rollout is scheduled",
            description = "ADMIN and OPERATOR.")
    ChangeSummary approve(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return changes.approve(id, text(body));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject with a comment (a second person: never the requester)",
            description = "ADMIN and OPERATOR.")
    ChangeSummary reject(@PathVariable long id, @RequestBody DecisionBody body) {
        return changes.reject(id, body.text());
    }

    @PostMapping("/{id}/retry-failed")
    @Operation(summary = "Retry the failed hosts of a finished rollout as a new change, for approval",
            description = "ADMIN and OPERATOR. The hosts of the rollout that failed, were rolled back or need attention"
                    + " are planned again at the ports their runs aimed at, with the rollout's reason, ticket and waves;"
                    + " a host fixed in the meantime plans as no change. The new change names the rollout in"
                    + " retryOf, and the rollout lists it in retries. 409 while the rollout has not finished or when"
                    + " it has no such host; 422 when every such host is already at its port.")
    ResponseEntity<ChangeSummary> retryFailed(@PathVariable long id) {
        ChangeSummary retry = changes.submitRetry(id);
        return created(retry);
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Roll back a finished rollout as a new change, for approval",
            description = "ADMIN and OPERATOR. Each host that took the change (done, or waiting for its Domino"
                    + " confirmation) is planned back to the port it had before, with the rollout's waves; a host whose"
                    + " previous values were not one port is blocked. The reason is required (422 without); the ticket"
                    + " defaults to the rollout's. The new change names the rollout in rollbackOf. 409 while the"
                    + " rollout has not finished, for a rollback of a rollback, and when no host took the change.")
    ResponseEntity<ChangeSummary> rollback(@PathVariable long id, @RequestBody RollbackBody body) {
        ChangeSummary original = read(id);
        ChangeSummary rollback = changes.submitRollback(id, body.reason() == null ? "" : body.reason(),
                body.ticket() == null || body.ticket().isBlank() ? original.ticket() : body.ticket().strip());
        return created(rollback);
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
        String comment = text(body);
        return rendered(rollouts.confirmDomino(hostRunId, comment.isBlank() ? null : comment), locale);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel: no new host starts; a host past its write finishes or rolls back",
            description = "ADMIN and OPERATOR. The comment is kept as the reason.")
    ChangeSummary cancel(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return rollouts.cancel(id, text(body));
    }

    private static ResponseEntity<ChangeSummary> created(ChangeSummary change) {
        return ResponseEntity.created(URI.create("/api/v1/rollouts/" + change.id())).body(change);
    }

    private static String text(@Nullable DecisionBody body) {
        return body == null ? "" : body.text();
    }

    /** A host run's stored messages in the caller's language, times within them in UTC. */
    private HostRunView rendered(HostRunView run, Locale locale) {
        Locale language = Messages.supportedOrEnglish(locale);
        return run.withMessagesRendered(stored -> messages.render(stored, language, ZoneOffset.UTC));
    }
}
