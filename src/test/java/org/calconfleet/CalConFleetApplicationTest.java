package org.calconfleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalConFleetApplicationTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(CalConFleetApplication.CARRIERS_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(CalConFleetApplication.CARRIERS_PROPERTY);
        } else {
            System.setProperty(CalConFleetApplication.CARRIERS_PROPERTY, before);
        }
    }

    @Test
    void virtual_threads_get_several_carriers_per_core() {
        System.clearProperty(CalConFleetApplication.CARRIERS_PROPERTY);
        CalConFleetApplication.widenVirtualThreadCarriers();
        assertThat(System.getProperty(CalConFleetApplication.CARRIERS_PROPERTY)).isEqualTo(
                String.valueOf(CalConFleetApplication.CARRIERS_PER_CORE * Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void a_number_of_carriers_chosen_on_the_command_line_is_kept() {
        System.setProperty(CalConFleetApplication.CARRIERS_PROPERTY, "3");
        CalConFleetApplication.widenVirtualThreadCarriers();
        assertThat(System.getProperty(CalConFleetApplication.CARRIERS_PROPERTY)).isEqualTo("3");
    }
}
