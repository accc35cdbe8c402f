package org.calconfleet.fleet.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.calconfleet.api.NotFoundException;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerValues;
import java.net.URI;
import java.util.Objects;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.calconfleet.fleet.ServerFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/servers")
@Tag(name = "Servers", description = "The Exchange servers of the fleet and the port each should use")
class ServersController {

    static final int MAX_PAGE_SIZE = 500;

    private final FleetService fleet;

    ServersController(FleetService fleet) {
        this.fleet = fleet;
    }

    @GetMapping
    @Operation(summary = "Servers matching a text (host or Domino partner) and a site, a page at a time",
            description = "Every role.")
    ServerPage list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String site,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @RequestParam(defaultValue = "hostName") @Pattern(regexp = "hostName|site|desiredPort|updatedAt") String sort,
            @RequestParam(defaultValue = "ASC") Sort.Direction direction) {
        ServerFilter filter = new ServerFilter(q, site == null || site.isBlank() ? null : site.strip());
        var pageable = PageRequest.of(page, size, Sort.by(direction, sort).and(Sort.by("id")));
        return new ServerPage(fleet.list(filter, pageable).stream().map(ServerResponse::of).toList(), page, size,
                fleet.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One server, with its observed ports, drift and last evidence", description = "Every role.")
    ServerResponse read(@PathVariable long id) {
        return ServerResponse.of(server(id));
    }

    @PostMapping
    @Operation(summary = "Add a server", description = "ADMIN and OPERATOR. The values pass the same rules as in the"
            + " server editor (422 field by field); a named credential must exist, the Domino agent's must hold an"
            + " agent token.")
    ResponseEntity<ServerResponse> create(@Valid @RequestBody ServerRequest request) {
        ExchangeServer created = fleet.create(request.toValues());
        return ResponseEntity.created(URI.create("/api/v1/servers/" + created.getId()))
                .body(ServerResponse.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the values of a server", description = "ADMIN and OPERATOR. Send every value (a"
            + " field left out is emptied; the debug flag goes back to 1) and the version you read: a server changed"
            + " since answers 409 with who changed it and when.")
    ServerResponse update(@PathVariable long id,
            @Validated(ServerRequest.Replace.class) @RequestBody ServerRequest request) {
        server(id);
        return ServerResponse.of(fleet.update(id, Objects.requireNonNull(request.version()), request.toValues()));
    }

    @PutMapping("/{id}/desired-port")
    @Operation(summary = "Set the port the server should use (0: dynamic)", description = "ADMIN and OPERATOR. "
            + "Send the version you read: a server changed since answers 409 with who changed it and when.")
    ServerResponse updateDesiredPort(@PathVariable long id, @Valid @RequestBody DesiredPortRequest request) {
        server(id);
        return ServerResponse.of(fleet.updateDesiredPort(id, request.version(), request.desiredPort()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a server", description = "ADMIN and OPERATOR. Send the version you read (the"
            + " confirmation the server editor asks for): a server changed since answers 409 with who changed it and"
            + " when, and stays. The reason goes to the audit trail with the server's last values; 204 when deleted.")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String reason) {
        server(id);
        fleet.delete(id, version, reason.strip());
        return ResponseEntity.noContent().build();
    }

    private ExchangeServer server(long id) {
        return fleet.find(id).orElseThrow(() -> new NotFoundException("api.server.unknown", id));
    }
}
