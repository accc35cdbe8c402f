package org.calconfleet.host.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.calconfleet.host.ManualTime;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;
import org.jspecify.annotations.Nullable;

/**
 * A Windows host as {@link WindowsApi} sees it, with Win32 semantics and error codes, on a manual clock:
 * a registry of typed values, one service whose pending states last as long as told, an event log.
 */
final class FakeWindowsApi implements WindowsApi {

    static final int STOPPED = 1;
    static final int START_PENDING = 2;
    static final int STOP_PENDING = 3;
    static final int RUNNING = 4;

    private final ManualTime time;

    final Map<String, Map<String, RawValue>> registry = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int connectError;
    int registryWriteError;
    int openedHandles;
    int closedHandles;

    String serviceName = "MSExchangeCalCon";
    boolean serviceInstalled = true;
    int state = RUNNING;
    @Nullable Instant pendingUntil;
    int afterPending;
    Duration stopTime = Duration.ofSeconds(4);
    Duration startTime = Duration.ofSeconds(6);
    int waitHintMillis = 20_000;
    int startError;
    int serviceError;
    int exitCodeOnFailedStart;
    int serviceSpecificExitCode;
    boolean startEndsStopped;
    final List<Instant> queries = new ArrayList<>();
    int startsSent;
    int stopsSent;
    final List<ServiceEntry> services = new ArrayList<>(List.of(
            new ServiceEntry("MSExchangeCalCon", "Microsoft Exchange Free Busy Connector for Lotus Domino"),
            new ServiceEntry("RemoteRegistry", "Remote Registry")));

    /** Newest first, as EVENTLOG_BACKWARDS_READ delivers them. */
    final List<RawEvent> eventLog = new ArrayList<>();
    int eventLogError;
    int eventsVisited;

    @Nullable WindowsApiException probeError;
    TcpProbe probe = TcpProbe.REFUSED;

    FakeWindowsApi(ManualTime time) {
        this.time = time;
    }

    /** A DWORD as Windows stores it (little-endian). */
    static RawValue dword(int value) {
        return new RawValue(RegistryValueType.REG_DWORD.code(),
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    /** Puts a value: an int as a (big-endian for REG_DWORD_BIG_ENDIAN) DWORD, text as {@link RegistryData} reads it. */
    void put(String key, String valueName, RegistryValueType type, Object data) {
        RawValue raw = switch (data) {
            case Integer i when type == RegistryValueType.REG_DWORD_BIG_ENDIAN ->
                    new RawValue(type.code(), ByteBuffer.allocate(4).putInt(i).array());
            case Integer i -> new RawValue(type.code(), dword(i).data());
            default -> RegistryData.raw(type, data.toString());
        };
        put(key, valueName, raw);
    }

    private void put(String key, String valueName, RawValue value) {
        registry.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(valueName, value);
    }

    @Nullable RawValue value(String key, String valueName) {
        Map<String, RawValue> values = registry.get(key);
        return values == null ? null : values.get(valueName);
    }

    @Override
    public RegistryHandle openRemoteHklm(String machine) throws WindowsApiException {
        if (connectError != 0) {
            throw new WindowsApiException(connectError, "RegConnectRegistry");
        }
        openedHandles++;
        return new RegistryHandle() {
            @Override
            public Optional<RawValue> readValue(String key, String valueName) {
                return Optional.ofNullable(value(key, valueName));
            }

            @Override
            public void setDword(String key, String valueName, int value) throws WindowsApiException {
                if (registryWriteError != 0) {
                    throw new WindowsApiException(registryWriteError, "set");
                }
                put(key, valueName, dword(value));
            }

            @Override
            public void setValue(String key, String valueName, RawValue value) throws WindowsApiException {
                if (registryWriteError != 0) {
                    throw new WindowsApiException(registryWriteError, "set");
                }
                put(key, valueName, value);
            }

            @Override
            public void deleteValue(String key, String valueName) {
                Map<String, RawValue> values = registry.get(key);
                if (values != null) {
                    values.remove(valueName);
                }
            }

            @Override
            public void close() {
                closedHandles++;
            }
        };
    }

    private void settle() {
        if (pendingUntil != null && !time.now().isBefore(pendingUntil)) {
            state = afterPending;
            pendingUntil = null;
        }
    }

    private void requireService(String name) throws WindowsApiException {
        if (serviceError != 0) {
            throw new WindowsApiException(serviceError, "OpenSCManager");
        }
        if (!serviceInstalled || !serviceName.equalsIgnoreCase(name)) {
            throw new WindowsApiException(WindowsErrors.ERROR_SERVICE_DOES_NOT_EXIST, "OpenService");
        }
    }

    @Override
    public ServiceStatus queryService(String machine, String name) throws WindowsApiException {
        requireService(name);
        settle();
        queries.add(time.now());
        boolean failedStart = state == STOPPED && startEndsStopped && startsSent > 0;
        return new ServiceStatus(state, failedStart ? exitCodeOnFailedStart : 0,
                failedStart ? serviceSpecificExitCode : 0, 0, pendingUntil == null ? 0 : waitHintMillis,
                state == STOPPED ? 0 : 1234);
    }

    @Override
    public void startService(String machine, String name) throws WindowsApiException {
        requireService(name);
        settle();
        if (startError != 0) {
            throw new WindowsApiException(startError, "StartService");
        }
        if (state != STOPPED) {
            throw new WindowsApiException(WindowsErrors.ERROR_SERVICE_ALREADY_RUNNING, "StartService");
        }
        startsSent++;
        state = START_PENDING;
        pendingUntil = time.now().plus(startTime);
        afterPending = startEndsStopped ? STOPPED : RUNNING;
    }

    @Override
    public void stopService(String machine, String name) throws WindowsApiException {
        requireService(name);
        settle();
        if (state == STOPPED) {
            throw new WindowsApiException(WindowsErrors.ERROR_SERVICE_NOT_ACTIVE, "ControlService");
        }
        if (pendingUntil != null) {
            throw new WindowsApiException(WindowsErrors.ERROR_SERVICE_CANNOT_ACCEPT_CTRL, "ControlService");
        }
        stopsSent++;
        state = STOP_PENDING;
        pendingUntil = time.now().plus(stopTime);
        afterPending = STOPPED;
    }

    @Override
    public List<ServiceEntry> listServices(String machine) throws WindowsApiException {
        if (serviceError != 0) {
            throw new WindowsApiException(serviceError, "EnumServicesStatusEx");
        }
        return List.copyOf(services);
    }

    @Override
    public void readEventLogBackwards(String machine, String log, EventVisitor visitor) throws WindowsApiException {
        if (eventLogError != 0) {
            throw new WindowsApiException(eventLogError, "OpenEventLog");
        }
        for (RawEvent e : eventLog) {
            eventsVisited++;
            if (!visitor.visit(e)) {
                return;
            }
        }
    }

    @Override
    public TcpProbe probeTcp(String machine, int port, Duration timeout) throws WindowsApiException {
        if (probeError != null) {
            throw probeError;
        }
        return probe;
    }
}
