package org.mmkit.core;

import static org.mmkit.core.Syscalls.errnoOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.Test;

/**
 * mseal, brk and anonymous VMA names through the public API, for what scenarios/mseal,
 * scenarios/brk and scenarios/limits cannot compare with this machine's kernel: the heap's maps
 * line ({@code fs/proc/task_mmu.c get_vma_name}), the stack guard gap brk keeps
 * ({@code mm/mmap.c brk}, {@code vm_start_gap}), exit of a sealed address space
 * ({@code exit_mmap} does not check seals), and VMA names, which its kernel is built without.
 */
class SealsAndHeapTest {
    private static final long ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private static final long RW = PROT_READ | PROT_WRITE;

    @Test
    void theHeapStartsEmptyAt16MiBAndMapsNamesIt() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long start = p.brk(0);
            assertThat(start).isEqualTo(0x100_0000L);
            assertThat(p.maps()).isEmpty();
            assertThat(p.brk(start + 3 * PAGE_SIZE + 5)).isEqualTo(start + 3 * PAGE_SIZE + 5);
            // the name starts at column 73, as show_map_vma pads it
            assertThat(p.maps()).isEqualTo(String.format("%-73s[heap]%n",
                    String.format("%08x-%08x rw-p 00000000 00:00 0 ", start, start + 4 * PAGE_SIZE)));
            kernel.checkInvariants();
        }
    }

    @Test
    void brkStaysAGuardGapBelowAGrowsDownMapping() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long start = p.brk(0);
            long stack = start + 512 * PAGE_SIZE;
            p.mmap(stack, PAGE_SIZE, RW, ANON | MAP_FIXED | MAP_GROWSDOWN, -1, 0);
            // 256 pages of stack_guard_gap and one page of distance
            assertThat(p.brk(start + 256 * PAGE_SIZE)).isEqualTo(start);
            assertThat(p.brk(start + 255 * PAGE_SIZE)).isEqualTo(start + 255 * PAGE_SIZE);
        }
    }

    @Test
    void aProcessWithSealedMappingsStillExitsAndFreesThem() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long a = p.mmap(0, 4 * PAGE_SIZE, RW, ANON, -1, 0);
            p.store(a, new byte[] {1});
            p.mseal(a, 4 * PAGE_SIZE, 0);
            assertThat(errnoOf(() -> p.munmap(a, PAGE_SIZE))).isEqualTo(Errno.EPERM);
            assertThat(p.smaps()).contains("VmFlags: rd wr mr mw me ac sl \n");
            p.exit();
            kernel.checkInvariants();
        }
    }

    @Test
    void anonymousNamesShowInMapsSplitAndNeedTheConfiguration() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long a = p.mmap(0, 3 * PAGE_SIZE, RW, ANON, -1, 0);
            p.store(a, "buf\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            p.prctlSetVma(PR_SET_VMA_ANON_NAME, a + PAGE_SIZE, PAGE_SIZE, a);
            assertThat(p.maps().lines().toList()).hasSize(3).element(1).asString().endsWith("[anon:buf]");
            p.prctlSetVma(PR_SET_VMA_ANON_NAME, a, 3 * PAGE_SIZE, 0);
            assertThat(p.maps().lines().toList()).hasSize(1);
            kernel.checkInvariants();
        }
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().anonVmaName(false).build())) {
            SimProcess p = kernel.newProcess(false);
            long a = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            assertThat(errnoOf(() -> p.prctlSetVma(PR_SET_VMA_ANON_NAME, a, PAGE_SIZE, 0))).isEqualTo(Errno.EINVAL);
        }
    }
}
