package org.calconfleet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CalConFleetApplication {

    public static void main(String[] args) {
        SpringApplication.run(CalConFleetApplication.class, args);
    }
}
