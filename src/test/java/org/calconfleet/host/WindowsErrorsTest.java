package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.host.WindowsErrors.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WindowsErrorsTest {

    @ParameterizedTest(name = "Win32 error {0} is {1}, retryable {2}")
    @CsvSource({
            "2, NOT_FOUND, false",
            "3, NOT_FOUND, false",
            "5, ACCESS_DENIED, false",
            "53, UNREACHABLE, true",
            "1053, TIMED_OUT, true",
            "1058, FAILED, false",
            "1060, NOT_FOUND, false",
            "1069, FAILED, false",
            "121, TIMED_OUT, true",
            "1326, LOGON_FAILURE, false",
            "1330, LOGON_FAILURE, false",
            "1331, LOGON_FAILURE, false",
            "1909, LOGON_FAILURE, false",
            "1629, WRONG_VALUE_TYPE, false",
            "1722, UNREACHABLE, true",
            "1726, UNREACHABLE, true",
            "31, FAILED, false"})
    void win32_errors_map_to_typed_failures(int code, HostFailure kind, boolean retryable) {
        HostResult.Failure<?> failure = WindowsErrors.toFailure(code, Context.SERVICE_CONTROL, "x").failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.windowsErrorCode()).isEqualTo(code);
        assertThat(failure.detail()).contains("Win32 error " + code);
    }

    @Test
    void bad_netpath_on_the_registry_names_the_remote_registry_service() {
        HostResult.Failure<?> failure = WindowsErrors.toFailure(53, Context.REGISTRY, "read").failure().orElseThrow();

        assertThat(failure.detail()).startsWith("Remote Registry service not running or host unreachable");
    }
}
