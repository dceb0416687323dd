package org.mmkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Requirement.Kind;
import org.mmkit.core.KernelConfig;

class ModelBackendTest {
    private static String unsupported(KernelConfig config, Kind kind, String argument) {
        try (ModelBackend model = new ModelBackend(config)) {
            return model.unsupported(new Requirement(kind, argument));
        }
    }

    @Test
    void rootIsAlwaysAvailable() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.ROOT, null)).isNull();
    }

    @Test
    void kernelVersionComesFromTheConfiguration() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.KERNEL, "6.17")).isNull();
        assertThat(unsupported(KernelConfig.linux618(), Kind.KERNEL, "6.18")).isNull();
        assertThat(unsupported(KernelConfig.linux618(), Kind.KERNEL, "6.19")).isEqualTo("models kernel 6.18, needs 6.19");
        assertThat(unsupported(KernelConfig.linux618(), Kind.KERNEL, "7.0")).isEqualTo("models kernel 6.18, needs 7.0");
    }

    @Test
    void softDirtyFollowsTheConfiguration() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.SOFT_DIRTY, null))
                .isEqualTo("soft-dirty is off in this kernel configuration");
        assertThat(unsupported(KernelConfig.linux618().toBuilder().softDirty(true).build(), Kind.SOFT_DIRTY, null)).isNull();
    }

    @Test
    void unmodelledFeaturesAreNamed() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.SWAP, null)).isEqualTo("swap is not modelled yet");
        assertThat(unsupported(KernelConfig.linux618(), Kind.UFFD, null)).isEqualTo("uffd is not modelled yet");
        assertThat(unsupported(KernelConfig.linux618(), Kind.HUGETLB, null)).isEqualTo("hugetlb is not modelled yet");
        assertThat(unsupported(KernelConfig.linux618(), Kind.THP, null)).isEqualTo("thp is not modelled yet");
    }

    @Test
    void nameIsModel() {
        try (ModelBackend model = new ModelBackend()) {
            assertThat(model.name()).isEqualTo("model");
        }
    }
}
