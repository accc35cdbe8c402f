package org.calconfleet.rollout.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.calconfleet.api.FirewallFile;
import org.calconfleet.api.NotFoundException;
import org.calconfleet.rollout.RolloutService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rollouts")
@Tag(name = "Rollouts")
class RolloutFirewallController {

    private final RolloutService rollouts;

    RolloutFirewallController(RolloutService rollouts) {
        this.rollouts = rollouts;
    }

    @GetMapping("/{id}/firewall")
    @Operation(summary = "The firewall openings of every host of the rollout at its port, as one CSV or one netsh "
            + "advfirewall script for the network team", description = "Every role.",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = "text/csv"),
                    @Content(mediaType = "text/plain")}))
    ResponseEntity<String> firewall(@PathVariable long id, @RequestParam(defaultValue = "csv") FirewallFile format) {
        return format.response(rollouts.firewall(id)
                .orElseThrow(() -> new NotFoundException("rollout.change.unknown", id)), "firewall-rollout-" + id);
    }
}
