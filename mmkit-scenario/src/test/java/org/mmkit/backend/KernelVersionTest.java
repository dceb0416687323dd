package org.mmkit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelVersionTest {
    @Test
    void parsesAndFormats() {
        assertThat(KernelVersion.parse("6.17")).isEqualTo(617);
        assertThat(KernelVersion.parse("5.4")).isEqualTo(504);
        assertThat(KernelVersion.format(618)).isEqualTo("6.18");
        assertThat(KernelVersion.format(504)).isEqualTo("5.4");
    }

    @Test
    void rejectsOtherForms() {
        assertThatThrownBy(() -> KernelVersion.parse("6")).hasMessage("kernel version must be MAJOR.MINOR: 6");
        assertThatThrownBy(() -> KernelVersion.parse("6.1.2")).hasMessage("kernel version must be MAJOR.MINOR: 6.1.2");
        assertThatThrownBy(() -> KernelVersion.parse("6.100")).hasMessage("kernel minor version out of range: 6.100");
        assertThatThrownBy(() -> KernelVersion.parse("six.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
