package org.calconfleet.host.rpc;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.calconfleet.host.RegistryValueType;

/**
 * A real Samba as the peer of the rpc backend: a standalone server on a free loopback port with all its state in a
 * temporary folder, {@code samba-dcerpcd} serving winreg, svcctl (its "Spooler" really stops and starts) and
 * eventlog. Users: {@value #ADMIN} (mapped to root, so it may write the registry) and {@value #READER} (a plain
 * account, refused on the registry). Registry values and event records are seeded with Samba's own tools
 * ({@code net registry}, {@code eventlogadm}), which work on the same databases the daemons serve. Stopped by the
 * PIDs in its pid directory, on {@link #close()} and at the latest when the JVM exits.
 */
public final class SambaServer implements AutoCloseable {

    public static final String ADMIN = "Administrator";
    public static final String ADMIN_PASSWORD = "Calcon-Admin-1";
    public static final String READER = "calcon-reader";
    public static final String READER_PASSWORD = "Calcon-Reader-1";
    /** The one service Samba really stops and starts (see STACK.md). */
    public static final String SPOOLER = "Spooler";

    static final Path SMBD = Path.of("/usr/sbin/smbd");
    static final Path DCERPCD = Path.of("/usr/libexec/samba/samba-dcerpcd");
    static final Path NET = Path.of("/usr/bin/net");
    static final Path SMBPASSWD = Path.of("/usr/bin/smbpasswd");
    static final Path EVENTLOGADM = Path.of("/usr/sbin/eventlogadm");
    static final List<Path> BINARIES = List.of(SMBD, DCERPCD, NET, SMBPASSWD, EVENTLOGADM);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** The pipes the backend uses, plus spoolss, which serves the Spooler's state. */
    private static final List<String> PIPES = List.of("winreg", "svcctl", "eventlog", "spoolss");

    private final Path dir;
    private final Path conf;
    private final int port;
    private final String maxProtocol;
    /** smbd's own helper processes (notifyd, cleanupd), told apart from the processes that serve a client. */
    private List<Long> smbdHelpers = List.of();
    private final Thread stopAtExit = new Thread(this::stopDaemons, "samba-stop");

    /** Starts Samba offering SMB2_02 up to {@code maxProtocol} (SMB2_02, SMB2_10 or SMB3). */
    public SambaServer(String maxProtocol) {
        this.maxProtocol = maxProtocol;
        try {
            // readable by all, as Samba's own directories are: the daemons serve a plain account's calls under
            // that account's uid, and in a folder only root may enter, they fail (error 8) instead of answering
            dir = Files.createTempDirectory("calcon-samba-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            conf = dir.resolve("smb.conf");
            port = freePort();
            for (String sub : List.of("private", "lock", "state", "cache", "pid", "ncalrpc", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("users.map"), "root = " + ADMIN + "\n");
            Files.writeString(conf, config());
            Runtime.getRuntime().addShutdownHook(stopAtExit);
            run(DCERPCD.toString(), "-D", "--libexec-rpcds", "-s", conf.toString(), "-l", dir.resolve("log").toString());
            run(SMBD.toString(), "-D", "-s", conf.toString(), "-l", dir.resolve("log").toString());
            awaitPort();
            awaitPipes();
            smbdHelpers = daemon("smbd.pid").children().map(ProcessHandle::pid).toList();
            addUser("root", ADMIN_PASSWORD);
            ensureUnixUser(READER);
            addUser(READER, READER_PASSWORD);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Why Samba cannot run here, or empty when it can. */
    static Optional<String> problem() {
        List<String> missing = BINARIES.stream().filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            return Optional.of("Samba is not installed (missing " + String.join(", ", missing)
                    + "); install it with: apt-get install -y --no-install-recommends samba smbclient samba-common-bin");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the Samba tests start smbd and add a unix user, which needs root");
        }
        return Optional.empty();
    }

    public int port() {
        return port;
    }

    public RpcTarget target() {
        return new RpcTarget("127.0.0.1", port);
    }

    public static RpcAccount admin() {
        return new RpcAccount("", ADMIN, ADMIN_PASSWORD);
    }

    public static RpcAccount reader() {
        return new RpcAccount("", READER, READER_PASSWORD);
    }

    // ------------------------------------------------------------------ registry, relative to HKLM

    public void createKey(String key) {
        net("registry", "createkey", hklm(key));
    }

    /** Deletes a key with everything below it; an absent key is fine. */
    public void deleteKeyTree(String key) {
        runAllowingFailure(NET.toString(), "-s", conf.toString(), "registry", "deletekey_recursive", hklm(key));
    }

    public void setValue(String key, String valueName, ArrangedValue value) {
        String type = switch (value.type()) {
            case REG_DWORD -> "dword";
            case REG_SZ -> "sz";
            case REG_MULTI_SZ -> "multi_sz";
            default -> throw new IllegalArgumentException("net registry cannot write " + value.type());
        };
        createKey(key);
        net("registry", "setvalue", hklm(key), valueName, type, value.data());
    }

    public void deleteValue(String key, String valueName) {
        runAllowingFailure(NET.toString(), "-s", conf.toString(), "registry", "deletevalue", hklm(key), valueName);
    }

    /** A value as {@code net registry getvalue} prints it, or empty when it (or its key) does not exist. */
    public Optional<ArrangedValue> value(String key, String valueName) {
        Result r = runAllowingFailure(NET.toString(), "-s", conf.toString(), "registry", "getvalue", hklm(key), valueName);
        if (r.exitCode() != 0) {
            return Optional.empty();
        }
        String type = null;
        String data = null;
        for (String line : r.output().split("\n")) {
            if (line.startsWith("Type")) {
                type = line.substring(line.indexOf('=') + 1).strip();
            } else if (line.startsWith("Value") && data == null) {
                data = line.substring(line.indexOf('=') + 1).strip();
            }
        }
        if (type == null || data == null) {
            throw new IllegalStateException("unexpected output of net registry getvalue: " + r.output());
        }
        if (data.length() >= 2 && data.startsWith("\"") && data.endsWith("\"")) {
            data = data.substring(1, data.length() - 1);
        }
        return Optional.of(new ArrangedValue(RegistryValueType.valueOf(type), data));
    }

    private static String hklm(String key) {
        return "HKLM\\" + key;
    }

    // ------------------------------------------------------------------ event log

    /** One record to write to the Application log. */
    public record EventRecord(String source, int eventId, String type, Instant time, String text) {
        public static EventRecord information(String source, int eventId, Instant time, String text) {
            return new EventRecord(source, eventId, "INFO", time, text);
        }
    }

    /** Appends records to the Application log, in the order given (later records get higher record numbers). */
    public void writeEvents(List<EventRecord> records) {
        StringBuilder input = new StringBuilder();
        for (EventRecord e : records) {
            long seconds = e.time().getEpochSecond();
            input.append("LEN: 0\nRS1: 1699505740\nRCN: 0\n")
                    .append("TMG: ").append(seconds).append('\n')
                    .append("TMW: ").append(seconds).append('\n')
                    // the severity bits Windows sets on an informational event, as a real 6001 carries them
                    .append("EID: ").append(0x40000000L | e.eventId()).append('\n')
                    .append("ETP: ").append(e.type()).append('\n')
                    .append("ECT: 0\nRS2: 0\nCRN: 0\nUSL: 0\n")
                    .append("SRC: ").append(e.source()).append('\n')
                    .append("SRN: SAMBA\n")
                    .append("STR: ").append(e.text()).append('\n')
                    .append("DAT: \n\n");
        }
        runWithInput(input.toString(), EVENTLOGADM.toString(), "-s", conf.toString(), "-o", "write", "Application");
    }

    // ------------------------------------------------------------------ faults

    /**
     * Ends every client connection from the host's side, as a restarted or crashed server does: kills the smbd
     * processes forked per client (every child but the helpers it had before any client came), leaving the daemon
     * itself running.
     *
     * @return how many connections were dropped
     */
    public int dropClientConnections() {
        List<ProcessHandle> clients = daemon("smbd.pid").children()
                .filter(p -> !smbdHelpers.contains(p.pid()))
                .toList();
        clients.forEach(ProcessHandle::destroyForcibly);
        clients.forEach(p -> p.onExit().join());
        return clients.size();
    }

    private ProcessHandle daemon(String pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("pid").resolve(pidFile)).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(pidFile + " names no process"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ life cycle

    private String config() {
        return String.join("\n",
                "[global]",
                "server role = standalone server",
                "interfaces = lo",
                "bind interfaces only = yes",
                "disable netbios = yes",
                "smb ports = " + port,
                "server min protocol = SMB2_02",
                "server max protocol = " + maxProtocol,
                "private dir = " + dir.resolve("private"),
                "lock directory = " + dir.resolve("lock"),
                "state directory = " + dir.resolve("state"),
                "cache directory = " + dir.resolve("cache"),
                "pid directory = " + dir.resolve("pid"),
                "ncalrpc dir = " + dir.resolve("ncalrpc"),
                "passdb backend = tdbsam:" + dir.resolve("private/passdb.tdb"),
                "username map = " + dir.resolve("users.map"),
                "load printers = no",
                "printing = bsd",
                "printcap name = /dev/null",
                "disable spoolss = no",
                "eventlog list = Application System",
                "rpc start on demand helpers = no",
                "rpcd_classic:num_workers = 1",
                "rpcd_classic:idle_seconds = 3600",
                "") ;
    }

    private void awaitPort() {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(this::acceptsConnections);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Samba did not accept connections on port " + port + " within "
                    + START_TIMEOUT + "; logs in " + dir.resolve("log"), e);
        }
    }

    private boolean acceptsConnections() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until samba-dcerpcd's helpers have made their pipe sockets: smbd accepts connections before that,
     * and a pipe opened too early is answered "object name not found".
     */
    private void awaitPipes() {
        Path np = dir.resolve("ncalrpc/np");
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> PIPES.stream().allMatch(pipe -> Files.exists(np.resolve(pipe))));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("samba-dcerpcd did not make the pipes " + PIPES + " within "
                    + START_TIMEOUT + "; logs in " + dir.resolve("log"), e);
        }
    }

    private void addUser(String unixUser, String password) {
        runWithInput(password + "\n" + password + "\n", SMBPASSWD.toString(), "-c", conf.toString(), "-a", "-s", unixUser);
    }

    private static void ensureUnixUser(String user) {
        if (runAllowingFailure("id", "-u", user).exitCode() != 0) {
            run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        }
    }

    @Override
    public void close() {
        stopDaemons();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // already shutting down: the hook runs (or ran) stopDaemons itself
        }
        deleteTree();
    }

    /** Stops both daemons and everything they forked, by the PIDs in the pid directory. */
    private synchronized void stopDaemons() {
        if (dir == null) {
            return;
        }
        Path pids = dir.resolve("pid");
        if (!Files.isDirectory(pids)) {
            return;
        }
        List<ProcessHandle> daemons = new ArrayList<>();
        try (Stream<Path> files = Files.list(pids)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String text = Files.readString(pidFile).strip();
                if (!text.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(text)).ifPresent(daemons::add);
                }
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle daemon : daemons) {
            daemon.descendants().forEach(all::add);
            all.add(daemon);
        }
        all.forEach(ProcessHandle::destroy);
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException e) {
            all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void deleteTree() {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp folder is harmless; the daemons are stopped
        }
    }

    // ------------------------------------------------------------------ processes

    private record Result(int exitCode, String output) {
    }

    private void net(String... args) {
        List<String> command = new ArrayList<>(List.of(NET.toString(), "-s", conf.toString()));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) {
        Result r = runAllowingFailure(command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.output());
        }
    }

    private static void runWithInput(String input, String... command) {
        Result r = execute(input, command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.output());
        }
    }

    private static Result runAllowingFailure(String... command) {
        return execute("", command);
    }

    private static Result execute(String input, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
