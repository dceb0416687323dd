package org.mmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmkit.backend.Access;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Requirement.Kind;
import org.mmkit.backend.Syscall;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.Signal;
import org.mmkit.core.Uapi;

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
    void theZeroPageFollowsTheConfiguration() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.ZERO_PAGE, null)).isNull();
        assertThat(unsupported(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build(), Kind.ZERO_PAGE, null))
                .isEqualTo("this kernel configuration maps no shared zero page");
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

    @Test
    void spawnedThreadsShareTheAddressSpaceAndFaultOnTheirOwn() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = model.syscall(p, Syscall.MMAP, 0, Uapi.PAGE_SIZE, Uapi.PROT_READ | Uapi.PROT_WRITE,
                    Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS, -1, 0);
            int thread = model.spawnThread(p);

            assertThat(model.threadStore(p, thread, a, new byte[] {(byte) 0xcd}).ok()).isTrue();
            assertThat(model.load(p, a, 1).data()).containsExactly(0xcd);

            Access fault = model.threadLoad(p, thread, a + Uapi.PAGE_SIZE, 1);
            assertThat(fault.signal()).isEqualTo(Signal.SIGSEGV.number());
            assertThat(fault.code()).isEqualTo(Signal.SEGV_MAPERR);
        }
    }

    @Test
    void aForkedChildHasNoneOfItsParentsThreads() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            assertThat(model.spawnThread(p)).isEqualTo(1);
            int child = model.fork(p);

            assertThatThrownBy(() -> model.threadLoad(child, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(model.spawnThread(child)).isEqualTo(1);
        }
    }
}
