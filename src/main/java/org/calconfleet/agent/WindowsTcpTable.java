package org.calconfleet.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.IntByReference;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.WindowsErrors;
import org.jspecify.annotations.Nullable;

/**
 * This machine's TCP sockets in LISTEN state with their owning process ({@code GetExtendedTcpTable} with
 * {@code TCP_TABLE_OWNER_PID_LISTENER}, IPv4 and IPv6). Only the agent reads it: the table is local only.
 * Runs on Windows only; never loaded elsewhere.
 */
final class WindowsTcpTable {

    private static final int TRIES = 4;

    private WindowsTcpTable() {
    }

    static HostResult<List<TcpListener>> listeners() {
        Set<TcpListener> all = new LinkedHashSet<>();
        for (int family : new int[] {IPHlpAPI.AF_INET, IPHlpAPI.AF_INET6}) {
            Read read = read(family);
            Memory table = read.table();
            if (table == null) {
                return WindowsErrors.toFailure(read.error(), WindowsErrors.Context.NETWORK, "GetExtendedTcpTable");
            }
            if (family == IPHlpAPI.AF_INET) {
                for (IPHlpAPI.MIB_TCPROW_OWNER_PID row : new IPHlpAPI.MIB_TCPTABLE_OWNER_PID(table).table) {
                    all.add(listener(row.dwLocalPort, row.dwOwningPid));
                }
            } else {
                for (IPHlpAPI.MIB_TCP6ROW_OWNER_PID row : new IPHlpAPI.MIB_TCP6TABLE_OWNER_PID(table).table) {
                    all.add(listener(row.dwLocalPort, row.dwOwningPid));
                }
            }
        }
        List<TcpListener> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(TcpListener::port).thenComparingInt(TcpListener::processId));
        return HostResult.ok(sorted);
    }

    private record Read(@Nullable Memory table, int error) {
    }

    private static Read read(int family) {
        IntByReference size = new IntByReference(0);
        int rc = IPHlpAPI.INSTANCE.GetExtendedTcpTable(null, size, false, family,
                IPHlpAPI.TCP_TABLE_CLASS.TCP_TABLE_OWNER_PID_LISTENER, 0);
        for (int i = 0; i < TRIES && rc == WinError.ERROR_INSUFFICIENT_BUFFER; i++) {
            Memory buffer = new Memory(Math.max(1, size.getValue()) + 1024L);
            size.setValue((int) buffer.size());
            rc = IPHlpAPI.INSTANCE.GetExtendedTcpTable(buffer, size, false, family,
                    IPHlpAPI.TCP_TABLE_CLASS.TCP_TABLE_OWNER_PID_LISTENER, 0);
            if (rc == WinError.NO_ERROR) {
                return new Read(buffer, 0);
            }
        }
        return new Read(null, rc);
    }

    /** The port is in network byte order in the low 16 bits. */
    static int port(int dwLocalPort) {
        return ((dwLocalPort & 0xFF) << 8) | ((dwLocalPort >> 8) & 0xFF);
    }

    private static TcpListener listener(int dwLocalPort, int pid) {
        String name = ProcessHandle.of(Integer.toUnsignedLong(pid))
                .flatMap(p -> p.info().command())
                .map(command -> Path.of(command).getFileName().toString())
                .orElse(pid == 4 ? "System" : "unknown");
        return new TcpListener(port(dwLocalPort), pid, name);
    }
}
