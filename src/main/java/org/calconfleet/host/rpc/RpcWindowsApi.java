package org.calconfleet.host.rpc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rapid7.client.dcerpc.messages.HandleResponse;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegCloseKey;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegOpenKey;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegQueryValueRequest;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegQueryValueResponse;
import com.rapid7.client.dcerpc.msrrp.messages.HandleRequest;
import com.rapid7.client.dcerpc.msrrp.messages.OpenLocalMachine;
import com.rapid7.client.dcerpc.msvcctl.messages.RCloseServiceHandleRequest;
import com.rapid7.client.dcerpc.msvcctl.messages.RControlServiceRequest;
import com.rapid7.client.dcerpc.msvcctl.messages.ROpenSCManagerWRequest;
import com.rapid7.client.dcerpc.msvcctl.messages.ROpenServiceWRequest;
import com.rapid7.client.dcerpc.msvcctl.messages.RQueryServiceStatusRequest;
import com.rapid7.client.dcerpc.msvcctl.messages.RStartServiceWRequest;
import com.rapid7.client.dcerpc.msvcctl.objects.LPServiceStatus;
import com.rapid7.client.dcerpc.objects.RPCUnicodeString;
import com.rapid7.client.dcerpc.objects.WChar;

import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.windows.WindowsApi;
import org.calconfleet.host.windows.WindowsApiException;
import org.jspecify.annotations.Nullable;

/**
 * {@link WindowsApi} over SMB2/3 named pipes: MS-RRP for the registry, MS-SCMR for services, MS-EVEN for the
 * event log ({@link RpcEventLog}), through the pooled session of the host for one account. {@code machine} is the
 * host name; the port and the account are this instance's. Every failure is a {@link WindowsApiException} with the
 * Win32 code the same condition has through Advapi32 (RPC calls return them as such; NT statuses and socket errors
 * are mapped by {@link RpcErrors}), and the reason names what the host actually said.
 */
public final class RpcWindowsApi implements WindowsApi {

    private static final int ERROR_SUCCESS = 0;
    private static final int ERROR_MORE_DATA = 234;
    /** Enough for a REG_DWORD and for any short value of another type; a longer one is asked for again. */
    private static final int FIRST_VALUE_BUFFER = 512;
    private static final int MAX_VALUE_BUFFER = 1024 * 1024;
    private static final int SERVICE_LIST_BUFFER = 64 * 1024;

    private final SmbSessions sessions;
    private final int port;
    private final RpcAccount account;

    RpcWindowsApi(SmbSessions sessions, int port, RpcAccount account) {
        this.sessions = sessions;
        this.port = port;
        this.account = account;
    }

    // ------------------------------------------------------------------ registry (MS-RRP)

    @Override
    public RegistryHandle openRemoteHklm(String machine) throws WindowsApiException {
        byte[] hklm = call(machine, RpcInterface.WINREG, "OpenLocalMachine", pipe -> {
            HandleResponse opened = pipe.call(new HandleRequest(OpenLocalMachine.OP_NUM, RrpCalls.MAXIMUM_ALLOWED));
            if (opened.getReturnValue() != ERROR_SUCCESS && opened.getReturnValue() != WindowsErrors.ERROR_ACCESS_DENIED) {
                // RegConnectRegistry asks for MAXIMUM_ALLOWED, and Windows grants what the account may do. Samba
                // answers a plain account's MAXIMUM_ALLOWED with error 8 instead; asking for KEY_READ gets the
                // answer that means something (granted, or access denied).
                opened = pipe.call(new HandleRequest(OpenLocalMachine.OP_NUM, RrpCalls.KEY_READ));
            }
            return handle(opened, "OpenLocalMachine");
        });
        return new RpcRegistry(machine, hklm);
    }

    /**
     * HKEY_LOCAL_MACHINE of one host. Keys opened for reading stay open until {@link #close()}, so reading both
     * port values opens their key once.
     */
    private final class RpcRegistry implements RegistryHandle {

        private final String machine;
        private final byte[] hklm;
        private final Map<String, byte[]> readKeys = new HashMap<>();

        RpcRegistry(String machine, byte[] hklm) {
            this.machine = machine;
            this.hklm = hklm;
        }

        @Override
        public Optional<RawValue> readValue(String key, String valueName) throws WindowsApiException {
            String name = key + "\\" + valueName;
            return Optional.ofNullable(call(machine, RpcInterface.WINREG, "query " + name, pipe -> {
                byte[] opened = readKeys.get(key.toLowerCase(Locale.ROOT));
                if (opened == null) {
                    HandleResponse open = pipe.call(new BaseRegOpenKey(hklm, RPCUnicodeString.NullTerminated.of(key),
                            0, RrpCalls.KEY_QUERY_VALUE));
                    if (open.getReturnValue() == WindowsErrors.ERROR_FILE_NOT_FOUND) {
                        return null;
                    }
                    opened = handle(open, "BaseRegOpenKey " + key);
                    readKeys.put(key.toLowerCase(Locale.ROOT), opened);
                }
                int size = FIRST_VALUE_BUFFER;
                while (true) {
                    BaseRegQueryValueResponse answer = pipe.call(new BaseRegQueryValueRequest(opened,
                            RPCUnicodeString.NullTerminated.of(valueName), size));
                    int rc = answer.getReturnValue();
                    if (rc == WindowsErrors.ERROR_FILE_NOT_FOUND) {
                        return null;
                    }
                    if (rc == ERROR_MORE_DATA && size < MAX_VALUE_BUFFER) {
                        size = MAX_VALUE_BUFFER;
                        continue;
                    }
                    check(rc, "BaseRegQueryValue " + name);
                    byte[] data = answer.getData() == null ? new byte[0] : answer.getData().getArray();
                    return new RawValue(answer.getType() == null ? 0 : answer.getType(), data);
                }
            }));
        }

        @Override
        public void setDword(String key, String valueName, int value) throws WindowsApiException {
            setValue(key, valueName, new RawValue(RegistryValueType.REG_DWORD.code(),
                    ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array()));
        }

        @Override
        public void setValue(String key, String valueName, RawValue value) throws WindowsApiException {
            call(machine, RpcInterface.WINREG, "write " + key + "\\" + valueName, pipe -> {
                RrpCalls.CreateKeyResponse created = pipe.call(new RrpCalls.CreateKey(hklm, key,
                        RrpCalls.KEY_SET_VALUE | RrpCalls.KEY_QUERY_VALUE));
                check(created.getReturnValue(), "BaseRegCreateKey " + key);
                try {
                    check(pipe.call(new RrpCalls.SetValue(created.handle(), valueName, value.type(), value.data()))
                            .getReturnValue(), "BaseRegSetValue " + valueName);
                } finally {
                    closeKey(pipe, created.handle());
                }
                return null;
            });
        }

        @Override
        public void deleteValue(String key, String valueName) throws WindowsApiException {
            call(machine, RpcInterface.WINREG, "delete " + key + "\\" + valueName, pipe -> {
                HandleResponse open = pipe.call(new BaseRegOpenKey(hklm, RPCUnicodeString.NullTerminated.of(key), 0,
                        RrpCalls.KEY_SET_VALUE));
                if (open.getReturnValue() == WindowsErrors.ERROR_FILE_NOT_FOUND) {
                    return null;
                }
                byte[] opened = handle(open, "BaseRegOpenKey " + key);
                try {
                    int rc = pipe.call(new RrpCalls.DeleteValue(opened, valueName)).getReturnValue();
                    if (rc != WindowsErrors.ERROR_FILE_NOT_FOUND) {
                        check(rc, "BaseRegDeleteValue " + valueName);
                    }
                } finally {
                    closeKey(pipe, opened);
                }
                return null;
            });
        }

        @Override
        public void close() {
            try {
                call(machine, RpcInterface.WINREG, "close registry keys", pipe -> {
                    for (byte[] key : readKeys.values()) {
                        closeKey(pipe, key);
                    }
                    closeKey(pipe, hklm);
                    return null;
                });
            } catch (WindowsApiException ignored) {
                // the values are read or written; handles a host cannot close die with the pipe or the session
            }
            readKeys.clear();
        }
    }

    private static void closeKey(RpcPipe pipe, byte[] key) throws IOException {
        pipe.call(new BaseRegCloseKey(key));
    }

    // ------------------------------------------------------------------ services (MS-SCMR)

    @Override
    public ServiceStatus queryService(String machine, String serviceName) throws WindowsApiException {
        return onService(machine, serviceName, ScmrCalls.SERVICE_QUERY_STATUS, "query service " + serviceName,
                (pipe, service) -> {
                    var answer = pipe.call(new RQueryServiceStatusRequest(service));
                    check(answer.getReturnValue(), "RQueryServiceStatus " + serviceName);
                    return status(answer.getLpServiceStatus());
                });
    }

    @Override
    public void startService(String machine, String serviceName) throws WindowsApiException {
        onService(machine, serviceName, ScmrCalls.SERVICE_START, "start service " + serviceName, (pipe, service) -> {
            check(pipe.call(new RStartServiceWRequest(service)).getReturnValue(), "RStartServiceW " + serviceName);
            return null;
        });
    }

    @Override
    public void stopService(String machine, String serviceName) throws WindowsApiException {
        onService(machine, serviceName, ScmrCalls.SERVICE_STOP, "stop service " + serviceName, (pipe, service) -> {
            check(pipe.call(new RControlServiceRequest(service, ScmrCalls.SERVICE_CONTROL_STOP)).getReturnValue(),
                    "RControlService(STOP) " + serviceName);
            return null;
        });
    }

    @Override
    public List<ServiceEntry> listServices(String machine) throws WindowsApiException {
        return call(machine, RpcInterface.SVCCTL, "list services", pipe -> {
            byte[] manager = openServiceManager(pipe, ScmrCalls.SC_MANAGER_CONNECT | ScmrCalls.SC_MANAGER_ENUMERATE_SERVICE);
            try {
                List<ServiceEntry> all = new ArrayList<>();
                int size = SERVICE_LIST_BUFFER;
                int resume = 0;
                while (true) {
                    ScmrCalls.EnumServicesStatusResponse page = pipe.call(
                            new ScmrCalls.EnumServicesStatus(manager, size, resume));
                    List<ServiceEntry> entries = page.services();
                    all.addAll(entries);
                    if (page.getReturnValue() != ERROR_MORE_DATA) {
                        check(page.getReturnValue(), "REnumServicesStatusW");
                        return List.copyOf(all);
                    }
                    if (entries.isEmpty()) {
                        size = Math.min(ScmrCalls.MAX_BUFFER, Math.max(size * 2, page.bytesNeeded()));
                    }
                    resume = page.resumeIndex();
                }
            } finally {
                closeServiceHandle(pipe, manager);
            }
        });
    }

    @FunctionalInterface
    private interface ServiceWork<T> {
        T on(RpcPipe pipe, byte[] service) throws IOException, WindowsApiException;
    }

    /** Opens the manager with CONNECT and the service with just {@code rights}, runs the work, closes both. */
    private <T> T onService(String machine, String serviceName, int rights, String what, ServiceWork<T> work)
            throws WindowsApiException {
        return call(machine, RpcInterface.SVCCTL, what, pipe -> {
            byte[] manager = openServiceManager(pipe, ScmrCalls.SC_MANAGER_CONNECT);
            try {
                byte[] service = handle(pipe.call(new ROpenServiceWRequest(manager, WChar.NullTerminated.of(serviceName),
                        rights)), "ROpenServiceW " + serviceName);
                try {
                    return work.on(pipe, service);
                } finally {
                    closeServiceHandle(pipe, service);
                }
            } finally {
                closeServiceHandle(pipe, manager);
            }
        });
    }

    private static byte[] openServiceManager(RpcPipe pipe, int rights) throws IOException, WindowsApiException {
        return handle(pipe.call(new ROpenSCManagerWRequest(null, null, rights)), "ROpenSCManagerW");
    }

    private static void closeServiceHandle(RpcPipe pipe, byte[] handle) throws IOException {
        pipe.call(new RCloseServiceHandleRequest(handle));
    }

    private static ServiceStatus status(LPServiceStatus s) {
        // SERVICE_STATUS has no process id; SERVICE_STATUS_PROCESS would need RQueryServiceStatusEx, which the
        // backend does not use
        return new ServiceStatus(s.getDwCurrentState(), s.getDwWin32ExitCode(), s.getDwServiceSpecificExitCode(),
                s.getDwCheckPoint(), s.getDwWaitHint(), 0);
    }

    // ------------------------------------------------------------------ event log (MS-EVEN)

    @Override
    public void readEventLogBackwards(String machine, String log, EventVisitor visitor) throws WindowsApiException {
        call(machine, RpcInterface.EVENTLOG, "read " + log + " log", pipe -> {
            RpcEventLog.readBackwards(pipe, log, visitor);
            return null;
        });
    }

    // ------------------------------------------------------------------ TCP

    /**
     * A plain TCP connect from the console to the host's port. It is not the host's listener table (MS-RRP,
     * MS-SCMR and MS-EVEN have none): a firewall between console and host can make a listening port look closed
     * or filtered, so callers label the answer as a probe from the console.
     */
    @Override
    public TcpProbe probeTcp(String machine, int port, Duration timeout) throws WindowsApiException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(machine, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return TcpProbe.ACCEPTED;
        } catch (UnknownHostException | NoRouteToHostException e) {
            throw new WindowsApiException(WindowsErrors.ERROR_BAD_NETPATH, "TCP probe " + machine + ":" + port
                    + " from the console: " + e, e);
        } catch (ConnectException e) {
            return TcpProbe.REFUSED;
        } catch (SocketTimeoutException e) {
            return TcpProbe.NO_ANSWER;
        } catch (IOException e) {
            return TcpProbe.NO_ANSWER;
        }
    }

    // ------------------------------------------------------------------

    private <T> T call(String machine, RpcInterface rpcInterface, String what, SmbSession.PipeWork<T> work)
            throws WindowsApiException {
        return sessions.call(new RpcTarget(machine, port), account, rpcInterface, what, work);
    }

    private static byte[] handle(HandleResponse response, String what) throws WindowsApiException {
        check(response.getReturnValue(), what);
        return response.getHandle();
    }

    /** A Win32 return code of MS-RRP or MS-SCMR. */
    private static void check(int returnValue, String what) throws WindowsApiException {
        if (returnValue != ERROR_SUCCESS) {
            throw new WindowsApiException(returnValue, what + " returned Win32 error " + returnValue);
        }
    }
}
