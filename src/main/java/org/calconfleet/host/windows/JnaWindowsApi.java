package org.calconfleet.host.windows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;

import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;

/**
 * {@link WindowsApi} with JNA (jna-platform's Advapi32): the one class that loads native code. Every JNA
 * exception becomes a {@link WindowsApiException} carrying the Win32 error code. Handles are opened and
 * closed per call.
 */
public final class JnaWindowsApi implements WindowsApi {

    private static final int SERVICE_CONTROL_RIGHTS =
            Winsvc.SERVICE_QUERY_STATUS | Winsvc.SERVICE_START | Winsvc.SERVICE_STOP;

    @Override
    public RegistryHandle openRemoteHklm(String machine) throws WindowsApiException {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegConnectRegistry(unc(machine), WinReg.HKEY_LOCAL_MACHINE, ref);
        if (rc != WinError.ERROR_SUCCESS) {
            throw new WindowsApiException(rc, "RegConnectRegistry(" + machine + ", HKEY_LOCAL_MACHINE)");
        }
        return new JnaRegistry(ref.getValue(), true);
    }

    /** HKEY_CURRENT_USER of this machine, for integration tests under a test key (never closed, it is predefined). */
    public RegistryHandle openLocalCurrentUser() {
        return new JnaRegistry(WinReg.HKEY_CURRENT_USER, false);
    }

    @Override
    public ServiceStatus queryService(String machine, String serviceName) throws WindowsApiException {
        try (W32ServiceManager scm = new W32ServiceManager(unc(machine), null, Winsvc.SC_MANAGER_CONNECT);
                W32Service service = scm.openService(serviceName, Winsvc.SERVICE_QUERY_STATUS)) {
            Winsvc.SERVICE_STATUS_PROCESS s = service.queryStatus();
            return new ServiceStatus(s.dwCurrentState, s.dwWin32ExitCode, s.dwServiceSpecificExitCode,
                    s.dwCheckPoint, s.dwWaitHint, s.dwProcessId);
        } catch (LastErrorException e) {
            throw wrap(e, "query service " + serviceName + " on " + machine);
        }
    }

    @Override
    public void startService(String machine, String serviceName) throws WindowsApiException {
        try (W32ServiceManager scm = new W32ServiceManager(unc(machine), null, Winsvc.SC_MANAGER_CONNECT);
                W32Service service = scm.openService(serviceName, SERVICE_CONTROL_RIGHTS)) {
            if (!Advapi32.INSTANCE.StartService(service.getHandle(), 0, null)) {
                throw new WindowsApiException(Native.getLastError(), "StartService " + serviceName + " on " + machine);
            }
        } catch (LastErrorException e) {
            throw wrap(e, "start service " + serviceName + " on " + machine);
        }
    }

    @Override
    public void stopService(String machine, String serviceName) throws WindowsApiException {
        try (W32ServiceManager scm = new W32ServiceManager(unc(machine), null, Winsvc.SC_MANAGER_CONNECT);
                W32Service service = scm.openService(serviceName, SERVICE_CONTROL_RIGHTS)) {
            if (!Advapi32.INSTANCE.ControlService(service.getHandle(), Winsvc.SERVICE_CONTROL_STOP,
                    new Winsvc.SERVICE_STATUS())) {
                throw new WindowsApiException(Native.getLastError(), "ControlService(STOP) " + serviceName + " on " + machine);
            }
        } catch (LastErrorException e) {
            throw wrap(e, "stop service " + serviceName + " on " + machine);
        }
    }

    @Override
    public List<ServiceEntry> listServices(String machine) throws WindowsApiException {
        try (W32ServiceManager scm = new W32ServiceManager(unc(machine), null,
                Winsvc.SC_MANAGER_CONNECT | Winsvc.SC_MANAGER_ENUMERATE_SERVICE)) {
            return Arrays.stream(scm.enumServicesStatusExProcess(WinNT.SERVICE_WIN32, Winsvc.SERVICE_STATE_ALL, null))
                    .map(s -> new ServiceEntry(s.lpServiceName, s.lpDisplayName))
                    .toList();
        } catch (LastErrorException e) {
            throw wrap(e, "list services on " + machine);
        }
    }

    @Override
    public void readEventLogBackwards(String machine, String log, EventVisitor visitor) throws WindowsApiException {
        Advapi32Util.EventLogIterator records;
        try {
            records = new Advapi32Util.EventLogIterator(unc(machine), log, WinNT.EVENTLOG_BACKWARDS_READ);
        } catch (LastErrorException e) {
            throw wrap(e, "open " + log + " log on " + machine);
        }
        try {
            while (records.hasNext()) {
                Advapi32Util.EventLogRecord r = records.next();
                String[] strings = r.getStrings();
                RawEvent event = new RawEvent(r.getSource(), r.getStatusCode(), r.getRecord().EventType.intValue(),
                        r.getRecord().TimeGenerated.longValue(), strings == null ? List.of() : Arrays.asList(strings));
                if (!visitor.visit(event)) {
                    break;
                }
            }
        } catch (LastErrorException e) {
            throw wrap(e, "read " + log + " log on " + machine);
        } finally {
            try {
                records.close();
            } catch (LastErrorException ignored) {
                // the records are read; a failing CloseEventLog changes nothing for the caller
            }
        }
    }

    @Override
    public TcpProbe probeTcp(String machine, int port, Duration timeout) throws WindowsApiException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(machine, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return TcpProbe.ACCEPTED;
        } catch (UnknownHostException | NoRouteToHostException e) {
            throw new WindowsApiException(WindowsErrors.ERROR_BAD_NETPATH, "TCP probe " + machine + ":" + port, e);
        } catch (ConnectException e) {
            return TcpProbe.REFUSED;
        } catch (SocketTimeoutException e) {
            return TcpProbe.NO_ANSWER;
        } catch (IOException e) {
            return TcpProbe.NO_ANSWER;
        }
    }

    private static WindowsApiException wrap(LastErrorException e, String what) {
        return new WindowsApiException(e.getErrorCode(), what, e);
    }

    private static String unc(String machine) {
        return machine.startsWith("\\\\") ? machine : "\\\\" + machine;
    }

    /** A registry root (a remote HKLM, or a predefined local key) and the value operations on it. */
    private static final class JnaRegistry implements RegistryHandle {

        private final WinReg.HKEY root;
        private final boolean closeRoot;

        JnaRegistry(WinReg.HKEY root, boolean closeRoot) {
            this.root = root;
            this.closeRoot = closeRoot;
        }

        @Override
        public Optional<RawValue> readValue(String key, String valueName) throws WindowsApiException {
            WinReg.HKEYByReference opened = new WinReg.HKEYByReference();
            int rc = Advapi32.INSTANCE.RegOpenKeyEx(root, key, 0, WinNT.KEY_READ, opened);
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            if (rc != WinError.ERROR_SUCCESS) {
                throw new WindowsApiException(rc, "RegOpenKeyEx " + key);
            }
            try {
                IntByReference type = new IntByReference();
                IntByReference size = new IntByReference();
                while (true) {
                    rc = Advapi32.INSTANCE.RegQueryValueEx(opened.getValue(), valueName, 0, type, (byte[]) null, size);
                    if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                        return Optional.empty();
                    }
                    if (rc != WinError.ERROR_SUCCESS && rc != WinError.ERROR_MORE_DATA) {
                        throw new WindowsApiException(rc, "RegQueryValueEx " + key + "\\" + valueName);
                    }
                    byte[] data = new byte[size.getValue()];
                    rc = Advapi32.INSTANCE.RegQueryValueEx(opened.getValue(), valueName, 0, type, data, size);
                    // the value may have grown between the two calls: ask again for its size
                    if (rc == WinError.ERROR_MORE_DATA) {
                        continue;
                    }
                    if (rc != WinError.ERROR_SUCCESS) {
                        throw new WindowsApiException(rc, "RegQueryValueEx " + key + "\\" + valueName);
                    }
                    return Optional.of(new RawValue(type.getValue(), Arrays.copyOf(data, size.getValue())));
                }
            } finally {
                Advapi32.INSTANCE.RegCloseKey(opened.getValue());
            }
        }

        @Override
        public void setDword(String key, String valueName, int value) throws WindowsApiException {
            try {
                Advapi32Util.registryCreateKey(root, key);
                Advapi32Util.registrySetIntValue(root, key, valueName, value);
            } catch (LastErrorException e) {
                throw wrap(e, "write DWORD " + key + "\\" + valueName);
            }
        }

        @Override
        public void setValue(String key, String valueName, RawValue value) throws WindowsApiException {
            WinReg.HKEYByReference created = new WinReg.HKEYByReference();
            int rc = Advapi32.INSTANCE.RegCreateKeyEx(root, key, 0, null, WinNT.REG_OPTION_NON_VOLATILE,
                    WinNT.KEY_SET_VALUE, null, created, null);
            if (rc != WinError.ERROR_SUCCESS) {
                throw new WindowsApiException(rc, "RegCreateKeyEx " + key);
            }
            try {
                byte[] data = value.data();
                rc = Advapi32.INSTANCE.RegSetValueEx(created.getValue(), valueName, 0, value.type(), data, data.length);
                if (rc != WinError.ERROR_SUCCESS) {
                    throw new WindowsApiException(rc, "RegSetValueEx " + key + "\\" + valueName);
                }
            } finally {
                Advapi32.INSTANCE.RegCloseKey(created.getValue());
            }
        }

        @Override
        public void deleteValue(String key, String valueName) throws WindowsApiException {
            try {
                Advapi32Util.registryDeleteValue(root, key, valueName);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != WinError.ERROR_FILE_NOT_FOUND) {
                    throw wrap(e, "delete " + key + "\\" + valueName);
                }
            }
        }

        @Override
        public void close() {
            if (closeRoot) {
                Advapi32.INSTANCE.RegCloseKey(root);
            }
        }
    }
}
