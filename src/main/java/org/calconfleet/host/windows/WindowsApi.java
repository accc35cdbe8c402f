package org.calconfleet.host.windows;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.calconfleet.host.TcpProbe;

/**
 * The few Windows calls {@link WindowsHostBackend} needs, with Win32 semantics and error codes but no JNA
 * types, so that the backend's logic is tested on any OS with a fake. {@code machine} is a host name; the
 * implementation adds the {@code \\} prefix where Windows wants it.
 */
public interface WindowsApi {

    /** RegConnectRegistry(machine, HKEY_LOCAL_MACHINE); needs the Remote Registry service on the host. */
    RegistryHandle openRemoteHklm(String machine) throws WindowsApiException;

    /** SERVICE_STATUS_PROCESS of a service; error 1060 when it does not exist. */
    ServiceStatus queryService(String machine, String serviceName) throws WindowsApiException;

    /** StartService without waiting; e.g. 1056 already running, 1069 logon failure. */
    void startService(String machine, String serviceName) throws WindowsApiException;

    /** ControlService(SERVICE_CONTROL_STOP) without waiting; e.g. 1062 not active, 1061 cannot accept control. */
    void stopService(String machine, String serviceName) throws WindowsApiException;

    /** All Win32 services with their display names (EnumServicesStatusEx). */
    List<ServiceEntry> listServices(String machine) throws WindowsApiException;

    /** Reads an event log newest first until the visitor returns false or the log ends; always closes it. */
    void readEventLogBackwards(String machine, String log, EventVisitor visitor) throws WindowsApiException;

    /** A TCP connect from here to the host; an unknown host is error 53 (ERROR_BAD_NETPATH). */
    TcpProbe probeTcp(String machine, int port, Duration timeout) throws WindowsApiException;

    /** An open registry root; close it when done. Key paths are relative to the root. */
    interface RegistryHandle extends AutoCloseable {

        /** A value with its REG_* type code and raw data (RegQueryValueEx), empty when it or its key does not exist. */
        Optional<RawValue> readValue(String key, String valueName) throws WindowsApiException;

        /** Writes a REG_DWORD, creating the key (and missing parents) first. */
        void setDword(String key, String valueName, int value) throws WindowsApiException;

        /** Writes a value of any type with its raw data (RegSetValueEx), creating the key first. */
        void setValue(String key, String valueName, RawValue value) throws WindowsApiException;

        /** Deletes a value; an absent value or key is not an error. */
        void deleteValue(String key, String valueName) throws WindowsApiException;

        @Override
        void close();
    }

    /** A registry value as Windows stores it: the REG_* type code and the bytes (strings in UTF-16LE). */
    record RawValue(int type, byte[] data) {
        public RawValue {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawValue r && r.type == type && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "RawValue[" + type + ", " + HexFormat.of().formatHex(data) + "]";
        }
    }

    /** SERVICE_STATUS_PROCESS, as plain numbers. */
    record ServiceStatus(int currentState, int win32ExitCode, int serviceSpecificExitCode, int checkPoint,
            int waitHintMillis, int processId) {
    }

    record ServiceEntry(String serviceName, String displayName) {
    }

    /**
     * One EVENTLOGRECORD.
     *
     * @param eventId             the ID Event Viewer shows (EventID &amp; 0xFFFF)
     * @param eventType           EVENTLOG_*_TYPE
     * @param timeGeneratedEpochSeconds TimeGenerated, seconds since 1970 UTC
     */
    record RawEvent(String source, int eventId, int eventType, long timeGeneratedEpochSeconds, List<String> strings) {
        public RawEvent {
            strings = List.copyOf(strings);
        }
    }

    @FunctionalInterface
    interface EventVisitor {
        /** @return false to stop reading */
        boolean visit(RawEvent event);
    }
}
