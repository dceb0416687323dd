package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernel#newProcess} starts with nothing mapped, the process image the kernel backend's
 * executor gives its scenario processes (docs/architecture.md, "Process image"); the kernel side is
 * checked by the linux backend's ProcessImageTest and scenarios/process/.
 */
class EmptyProcessImageTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(false);
    private final long mmapBase = kernel.config().mmapBase();

    @AfterEach
    void close() {
        kernel.close();
    }

    private long anon(long pages) {
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    @Test
    void aNewProcessMapsNothing() {
        assertThat(p.maps()).isEmpty();
    }

    @Test
    void theFirstMappingEndsAtMmapBaseAndNothingLiesPastIt() {
        long a = anon(4);

        assertThat(a).isEqualTo(mmapBase - 4 * PAGE_SIZE);
        assertThatThrownBy(() -> p.load(a + 4 * PAGE_SIZE, new byte[1]))
                .isInstanceOfSatisfying(MemoryFault.class, f -> {
                    assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR);
                    assertThat(f.address()).isEqualTo(mmapBase);
                });
        assertThatThrownBy(() -> p.store(a + 4 * PAGE_SIZE - 1, new byte[] {1, 2}))
                .isInstanceOfSatisfying(MemoryFault.class, f -> {
                    assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR);
                    assertThat(f.address()).isEqualTo(mmapBase);
                });
    }

    @Test
    void theTopmostMappingGrowsInPlaceAndNoreplaceAboveItSucceeds() {
        long a = anon(4);

        assertThat(p.mremap(a, 4 * PAGE_SIZE, 1024 * PAGE_SIZE, 0, 0)).isEqualTo(a);
        long above = a + 1024 * PAGE_SIZE;
        assertThat(p.mmap(above, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0))
                .isEqualTo(above);
    }
}
