package org.calconfleet;

import org.calconfleet.agent.AgentApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CalConFleetApplication {

    public static void main(String[] args) {
        if (AgentApplication.isRequested(args)) {
            // the same jar with profile "agent" is the host agent, not the console
            AgentApplication.main(args);
            return;
        }
        SpringApplication.run(CalConFleetApplication.class, args);
    }
}
