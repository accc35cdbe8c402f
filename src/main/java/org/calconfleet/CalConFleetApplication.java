package org.calconfleet;

import org.calconfleet.agent.AgentApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CalConFleetApplication {

    /** The JDK's setting for the number of carrier threads of virtual threads (JEP 444). */
    static final String CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";
    static final int CARRIERS_PER_CORE = 4;

    public static void main(String[] args) {
        if (AgentApplication.isRequested(args)) {
            // the same jar with profile "agent" is the host agent, not the console
            AgentApplication.main(args);
            return;
        }
        widenVirtualThreadCarriers();
        SpringApplication.run(CalConFleetApplication.class, args);
    }

    /**
     * Gives virtual threads {@value #CARRIERS_PER_CORE} carrier threads per core unless the command line chose a
     * number. Host runs spend their time waiting on hosts, but each of their steps is a burst of database work, and a
     * virtual thread is never preempted: with one carrier per core (the JDK's default), hundreds of runs committing at
     * once hold every carrier, and the wake-ups of the runs whose round trip has ended queue behind them. More
     * carriers let the operating system share the cores among them. The rollout benchmark measured it: a host run
     * started 24–27 ms after its admission instead of 37–86 ms. Only effective before the first virtual thread starts.
     */
    public static void widenVirtualThreadCarriers() {
        if (System.getProperty(CARRIERS_PROPERTY) == null) {
            System.setProperty(CARRIERS_PROPERTY,
                    String.valueOf(CARRIERS_PER_CORE * Runtime.getRuntime().availableProcessors()));
        }
    }
}
