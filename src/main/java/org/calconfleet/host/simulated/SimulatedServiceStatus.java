package org.calconfleet.host.simulated;

import java.time.Duration;

import org.calconfleet.host.ServiceState;

/**
 * The simulated SERVICE_STATUS_PROCESS of the connector.
 *
 * @param untilSettled how long a pending state still lasts (zero when not pending)
 * @param exitReason   why the last start ended in STOPPED, empty otherwise
 */
public record SimulatedServiceStatus(ServiceState state, int win32ExitCode, int serviceSpecificExitCode,
        int processId, Duration untilSettled, String exitReason) {

    static SimulatedServiceStatus notInstalled() {
        return new SimulatedServiceStatus(ServiceState.NOT_INSTALLED, 0, 0, 0, Duration.ZERO, "");
    }
}
