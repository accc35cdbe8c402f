package org.calconfleet.host.simulated;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import org.calconfleet.host.HostArrangement;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostBackendContract;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.ManualTime;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract against a simulated host kept in its file, read back from the file before every call of the backend
 * and every arrangement: as if the console restarted between any two calls. What a host forgets between two calls
 * (a value, its type, a pending stop, an event, a listener, a fault still to come, a counter) fails the contract.
 */
class SimulatedHostFilesContractTest extends HostBackendContract {

    @TempDir
    Path directory;

    private final ManualTime time = new ManualTime();

    @Override
    protected Fixture newHost(HostSetup setup) {
        SimulatedHostFiles files = SimulatedHostFiles.in(directory);
        SimulatedArrangement.build(setup, time, files);
        HostBackend backend = everyCallOnAFreshCopy(HostBackend.class, files, setup.hostName(),
                host -> new SimulatedHostBackend(host, setup.serviceName()));
        HostArrangement arrangement = everyCallOnAFreshCopy(HostArrangement.class, files, setup.hostName(),
                SimulatedArrangement::new);
        return new Fixture(backend, arrangement);
    }

    private interface Over<T> {
        T over(SimulatedWindowsHost host);
    }

    private <T> T everyCallOnAFreshCopy(Class<T> type, SimulatedHostFiles files, String hostName, Over<T> over) {
        InvocationHandler handler = (proxy, method, args) -> {
            SimulatedWindowsHost host = SimulatedWindowsHost.restore(files.load(hostName).orElseThrow(), time, files);
            try {
                return method.invoke(over.over(host), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
