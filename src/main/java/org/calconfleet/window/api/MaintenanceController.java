package org.calconfleet.window.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.WeeklyWindow;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/maintenance")
@Tag(name = "Maintenance windows", description = "The sites' weekly windows and the freezes that rollouts keep to")
class MaintenanceController {

    private final MaintenanceWindows maintenance;

    MaintenanceController(MaintenanceWindows maintenance) {
        this.maintenance = maintenance;
    }

    @GetMapping("/windows")
    @Operation(summary = "The weekly windows of every site")
    List<WindowResponse> windows() {
        return maintenance.windows().stream().map(WindowResponse::of).toList();
    }

    @PostMapping("/windows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a weekly window to a site", description = "ADMIN. Wall-clock times in the zone given; an"
            + " end at or before the start closes the window on the next day. Audited.")
    WindowResponse addWindow(@Valid @RequestBody WindowBody body) {
        ZoneId zone;
        try {
            zone = ZoneId.of(Objects.requireNonNull(body.zone()));
        } catch (DateTimeException e) {
            throw new UnknownZoneException(body.zone());
        }
        return WindowResponse.of(maintenance.addWindow(Objects.requireNonNull(body.site()), new WeeklyWindow(
                Objects.requireNonNull(body.day()), Objects.requireNonNull(body.start()),
                Objects.requireNonNull(body.end()), zone)));
    }

    @DeleteMapping("/windows/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a weekly window", description = "ADMIN. Audited with the window's values.")
    void removeWindow(@PathVariable long id) {
        maintenance.removeWindow(id);
    }

    @GetMapping("/freezes")
    @Operation(summary = "The freezes, the latest first")
    List<FreezeResponse> freezes() {
        return maintenance.freezes().stream().map(FreezeResponse::of).toList();
    }

    @PostMapping("/freezes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a freeze of a site, or of all sites without one", description = "ADMIN. Audited.")
    FreezeResponse addFreeze(@Valid @RequestBody FreezeBody body) {
        return FreezeResponse.of(maintenance.addFreeze(body.site(), Objects.requireNonNull(body.from()),
                Objects.requireNonNull(body.until()), Objects.requireNonNull(body.reason())));
    }

    @DeleteMapping("/freezes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a freeze", description = "ADMIN. Audited with the freeze's values and reason.")
    void removeFreeze(@PathVariable long id) {
        maintenance.removeFreeze(id);
    }
}
