package org.calconfleet.fleet.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.calconfleet.api.FirewallFile;
import org.calconfleet.fleet.FirewallPlans;
import org.calconfleet.fleet.ServerFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/servers")
@Tag(name = "Servers")
class ServersFirewallController {

    private final FirewallPlans firewallPlans;

    ServersFirewallController(FirewallPlans firewallPlans) {
        this.firewallPlans = firewallPlans;
    }

    @GetMapping("/firewall")
    @Operation(summary = "The firewall openings of every server matching the filter, at its desired port, as one CSV "
            + "or one netsh advfirewall script (commands grouped by the host they run on; servers without a plan named"
            + " at its top)", description = "Every role.",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = "text/csv"),
                    @Content(mediaType = "text/plain")}))
    ResponseEntity<String> firewall(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(defaultValue = "csv") FirewallFile format) {
        ServerFilter filter = new ServerFilter(q, site == null || site.isBlank() ? null : site.strip());
        return format.response(firewallPlans.export(filter), "firewall-servers");
    }
}
