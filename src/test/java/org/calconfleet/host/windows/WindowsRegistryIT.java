package org.calconfleet.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.TcpProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link JnaWindowsApi} against the real registry of the machine running the test, under a scratch key in
 * HKEY_CURRENT_USER (no administrator rights needed, nothing outside the scratch key touched). The backend
 * runs unchanged: its HKLM paths are redirected below the scratch key.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsRegistryIT {

    private static final String ROOT = "Software\\CalConFleetTest";

    private final String scratch = ROOT + "\\" + UUID.randomUUID();
    private final JnaWindowsApi jna = new JnaWindowsApi();

    @AfterEach
    void deleteScratchKey() {
        if (Advapi32Util.registryKeyExists(WinReg.HKEY_CURRENT_USER, scratch)) {
            deleteTree(scratch);
        }
    }

    @Test
    void a_dword_round_trips_and_its_type_is_reported() throws Exception {
        try (WindowsApi.RegistryHandle reg = jna.openLocalCurrentUser()) {
            reg.setDword(scratch + "\\Deep\\Key", "Port", 45001);

            assertThat(reg.readValue(scratch + "\\Deep\\Key", "Port")).hasValue(new WindowsApi.RawValue(
                    RegistryValueType.REG_DWORD.code(), new byte[] {(byte) 0xc9, (byte) 0xaf, 0, 0}));
        }
    }

    @Test
    void a_missing_value_or_key_has_no_type_and_deleting_it_is_not_an_error() throws Exception {
        try (WindowsApi.RegistryHandle reg = jna.openLocalCurrentUser()) {
            assertThat(reg.readValue(scratch + "\\Missing", "Port")).isEmpty();
            reg.setDword(scratch, "Other", 1);
            assertThat(reg.readValue(scratch, "Port")).isEmpty();
            reg.deleteValue(scratch, "Port");
            reg.deleteValue(scratch + "\\Missing", "Port");
        }
    }

    @Test
    void a_string_is_read_with_its_type_and_written_back_with_the_same_bytes() throws Exception {
        Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, scratch);
        Advapi32Util.registrySetStringValue(WinReg.HKEY_CURRENT_USER, scratch, "Port", "45001");
        try (WindowsApi.RegistryHandle reg = jna.openLocalCurrentUser()) {
            WindowsApi.RawValue read = reg.readValue(scratch, "Port").orElseThrow();
            assertThat(RegistryData.read(read)).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001"));

            reg.deleteValue(scratch, "Port");
            reg.setValue(scratch, "Port", RegistryData.raw(RegistryValueType.REG_SZ, "45001"));

            assertThat(reg.readValue(scratch, "Port")).hasValue(read);
        }
    }

    @Test
    void the_backend_reads_writes_and_restores_through_real_registry_calls() {
        WindowsHostBackend backend = new WindowsHostBackend("localhost", CalConRegistry.DEFAULT_SERVICE_NAME,
                new ScratchHklm(jna, scratch), HostTime.system());
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());

        backend.writeCalConPorts(45001, 45001).orElseThrow();
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(45001, 45001));

        Advapi32Util.registrySetStringValue(WinReg.HKEY_CURRENT_USER, scratch + "\\" + CalConRegistry.PARAMETERS_KEY,
                CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, "45001");
        assertThat(backend.readCalConPorts().orElseThrow().exchangeSide())
                .isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001"));

        backend.restoreCalConPorts(CalConPorts.absent()).orElseThrow();
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
    }

    @Test
    void a_tcp_probe_of_a_closed_local_port_is_refused() throws Exception {
        assertThat(jna.probeTcp("127.0.0.1", 1, Duration.ofSeconds(2))).isIn(TcpProbe.REFUSED, TcpProbe.NO_ANSWER);
    }

    private static void deleteTree(String key) {
        for (String child : Advapi32Util.registryGetKeys(WinReg.HKEY_CURRENT_USER, key)) {
            deleteTree(key + "\\" + child);
        }
        Advapi32Util.registryDeleteKey(WinReg.HKEY_CURRENT_USER, key);
    }

    /** The JNA API with "remote HKLM" redirected to a scratch key in the local HKCU. */
    private record ScratchHklm(JnaWindowsApi jna, String prefix) implements WindowsApi {

        @Override
        public RegistryHandle openRemoteHklm(String machine) {
            RegistryHandle hkcu = jna.openLocalCurrentUser();
            return new RegistryHandle() {
                @Override
                public Optional<RawValue> readValue(String key, String valueName) throws WindowsApiException {
                    return hkcu.readValue(prefix + "\\" + key, valueName);
                }

                @Override
                public void setValue(String key, String valueName, RawValue value) throws WindowsApiException {
                    hkcu.setValue(prefix + "\\" + key, valueName, value);
                }

                @Override
                public void setDword(String key, String valueName, int value) throws WindowsApiException {
                    hkcu.setDword(prefix + "\\" + key, valueName, value);
                }

                @Override
                public void deleteValue(String key, String valueName) throws WindowsApiException {
                    hkcu.deleteValue(prefix + "\\" + key, valueName);
                }

                @Override
                public void close() {
                    hkcu.close();
                }
            };
        }

        @Override
        public ServiceStatus queryService(String machine, String serviceName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void startService(String machine, String serviceName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopService(String machine, String serviceName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ServiceEntry> listServices(String machine) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void readEventLogBackwards(String machine, String log, EventVisitor visitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TcpProbe probeTcp(String machine, int port, Duration timeout) {
            throw new UnsupportedOperationException();
        }
    }
}
