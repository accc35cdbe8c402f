package org.calconfleet.host;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

/**
 * What every {@link HostBackend} must do, whatever carries the calls: every part of the contract. An adapter test
 * extends this class and implements {@link #newHost(HostSetup)}: make a host in the given state, return a backend
 * for it and a {@link HostArrangement} to change and inspect the host during the test. An adapter whose peer can
 * arrange only some of it implements the parts it can instead (see {@link HostContract}).
 */
public abstract class HostBackendContract implements RegistryReadContract, RegistryQwordContract,
        RegistryWriteContract, WriteCountingContract, DiagnosticLevelContract, ConnectorServiceContract,
        FaultInjectionContract {

    private final List<Fixture> fixtures = new ArrayList<>();

    /** A backend for a fresh host arranged as {@code setup}; closed after the test. */
    protected abstract Fixture newHost(HostSetup setup);

    @Override
    public final Fixture host(HostSetup setup) {
        Fixture fixture = newHost(setup);
        fixtures.add(fixture);
        return fixture;
    }

    @AfterEach
    void closeFixtures() throws Exception {
        for (Fixture f : fixtures) {
            f.resources().close();
        }
    }
}
