package org.calconfleet.change.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.i18n.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A port change before it runs, under the rollouts' address: plan it, submit it or keep it as a draft, approve or
 * reject it. What happens to it afterwards is the rollouts' (their controller, same address and tag).
 */
@RestController
@RequestMapping("/api/v1/rollouts")
@Tag(name = "Rollouts",
        description = "Port changes: plan, submit, four-eyes approval, progress, Domino confirmation, cancel, rollback,"
                + " retry of the failed hosts")
public class ChangesController {

    private final ChangeService changes;
    private final Messages messages;

    ChangesController(ChangeService changes, Messages messages) {
        this.changes = changes;
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

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve (a second person: never the requester); the rollout is scheduled",
            description = "ADMIN and OPERATOR.")
    ChangeSummary approve(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return changes.approve(id, DecisionBody.text(body));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject with a comment (a second person: never the requester)",
            description = "ADMIN and OPERATOR.")
    ChangeSummary reject(@PathVariable long id, @RequestBody DecisionBody body) {
        return changes.reject(id, body.text());
    }

    /** A new change, answered with its address. */
    public static ResponseEntity<ChangeSummary> created(ChangeSummary change) {
        return ResponseEntity.created(URI.create("/api/v1/rollouts/" + change.id())).body(change);
    }
}
