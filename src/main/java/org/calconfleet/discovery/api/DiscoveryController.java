package org.calconfleet.discovery.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.calconfleet.discovery.DiscoveryService;
import org.calconfleet.i18n.Messages;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/discovery")
@Tag(name = "Discovery", description = "The Exchange servers of the Active Directory forest, compared with the inventory")
class DiscoveryController {

    private final DiscoveryService discovery;
    private final Messages messages;

    DiscoveryController(DiscoveryService discovery, Messages messages) {
        this.discovery = discovery;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Run a discovery: the servers the inventory lacks (with a guess about the Calendar Connector "
            + "and the values the page would propose), those the directory no longer lists, and versions that differ",
            description = "ADMIN. Adds and removes nothing; the run is audited. 409 when discovery is not set up or "
                    + "the directory refused or did not answer, with the reason.")
    DiscoveryResponse discover(Locale locale) {
        return DiscoveryResponse.of(discovery.discover(), messages, locale);
    }
}
