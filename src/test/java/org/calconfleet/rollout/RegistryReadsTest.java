package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.junit.jupiter.api.Test;

class RegistryReadsTest {

    @Test
    void a_value_of_another_type_is_kept_with_its_data_and_read_back_equal() {
        RegistryRead multi = RegistryRead.wrongType(RegistryValueType.REG_MULTI_SZ, "a:b\n45001");

        assertThat(RegistryReads.encode(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001")))
                .isEqualTo("REG_SZ:45001");
        assertThat(RegistryReads.decode(RegistryReads.encode(multi))).isEqualTo(multi);
        assertThat(RegistryReads.decode(RegistryReads.encode(RegistryRead.wrongType(RegistryValueType.REG_SZ, ""))))
                .isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ, ""));
    }

    @Test
    void rows_written_before_the_data_was_kept_read_as_a_wrong_type_that_cannot_be_restored() {
        RegistryRead old = RegistryReads.decode("wrong:REG_SZ");

        assertThat(old).isEqualTo(new RegistryRead.WrongType(RegistryValueType.REG_SZ, null));
        assertThat(((RegistryRead.WrongType) old).restorable()).isFalse();
        assertThat(RegistryReads.decode("dword:4294967295")).isEqualTo(RegistryRead.present(-1));
        assertThat(RegistryReads.decode("absent")).isEqualTo(RegistryRead.absent());
    }

    @Test
    void data_too_long_to_keep_is_stored_as_a_wrong_type_without_data() {
        RegistryRead huge = RegistryRead.wrongType(RegistryValueType.REG_BINARY,
                "00".repeat(RegistryRead.WrongType.MAX_DATA));

        assertThat(RegistryReads.encode(huge)).isEqualTo("wrong:REG_BINARY");
    }
}
