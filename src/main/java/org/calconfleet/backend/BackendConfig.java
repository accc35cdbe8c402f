package org.calconfleet.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.simulated.SimulatedHostFiles;
import org.calconfleet.host.simulated.SimulatedHostStore;
import org.calconfleet.host.rpc.RpcHostBackends;
import org.calconfleet.host.rpc.RpcSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class BackendConfig {

    /**
     * One simulated fleet per console; a test may register its own (e.g. one shared by two contexts). Its hosts keep
     * their state in {@code calcon.simulated.state-directory}, so that they outlive the console as real hosts do;
     * left empty, they live in memory only.
     */
    @Bean
    @ConditionalOnMissingBean(SimulatedFleet.class)
    SimulatedFleet simulatedFleet(@Value("${calcon.simulated.stop-duration:2s}") Duration stop,
            @Value("${calcon.simulated.start-duration:3s}") Duration start,
            @Value("${calcon.simulated.latency:0s}") Duration latency,
            @Value("${calcon.simulated.state-directory:}") String stateDirectory, List<SimulatedHostQuirks> quirks) {
        SimulatedHostStore store = stateDirectory.isBlank() ? SimulatedHostStore.NONE
                : SimulatedHostFiles.in(Path.of(stateDirectory.strip()));
        return new SimulatedFleet(new SimulatedFleet.Settings(stop, start, latency), HostTime.system(), quirks, store);
    }

    /** One pool of SMB sessions for every RPC server of this console; closing it logs them all off. */
    @Bean(destroyMethod = "close")
    RpcHostBackends rpcHostBackends(@Value("${calcon.rpc.connect-timeout:5s}") Duration connect,
            @Value("${calcon.rpc.call-timeout:30s}") Duration call,
            @Value("${calcon.rpc.idle-timeout:60s}") Duration idle) {
        return new RpcHostBackends(RpcSettings.defaults().withTimeouts(connect, call).withIdleTimeout(idle));
    }

    @Bean
    ConsolePlatform consolePlatform() {
        return ConsolePlatform.current();
    }
}
