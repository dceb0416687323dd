package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The lifecycle of kernels and processes through the public API (closing, exiting), mincore of
 * huge ranges, and RLIMIT_MEMLOCK for unprivileged processes ({@code mm/mlock.c}; the same rules
 * are checked against the kernel by scenarios/syscalls/mlock-rlimit-memlock.mms).
 */
class LifecycleAndLimitsTest {
    private static final long ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private static final long RW = PROT_READ | PROT_WRITE;

    /** Operations that each must refuse on a dead process or closed kernel. */
    private static final List<Consumer<SimProcess>> OPERATIONS = List.of(
            p -> p.mmap(0, PAGE_SIZE, PROT_READ, ANON, -1, 0),
            p -> p.munmap(0x10000, PAGE_SIZE),
            p -> p.load(0x10000, new byte[1]),
            p -> p.mainThread().storeLong(0x10000, 1),
            p -> p.fork(),
            p -> p.newThread(),
            p -> p.maps(),
            p -> p.mincore(0x10000, PAGE_SIZE),
            p -> UserStrings.memfd(p, "m", 0),
            p -> p.exit());

    @Test
    void closeIsIdempotentAndEverythingAfterItSaysTheKernelIsClosed() {
        Kernel kernel = Kernel.create(KernelConfig.linux618());
        SimProcess p = kernel.newProcess(true);
        SimThread other = p.newThread();
        kernel.close();
        kernel.close();
        for (Consumer<SimProcess> operation : OPERATIONS) {
            assertThatThrownBy(() -> operation.accept(p)).isInstanceOf(IllegalStateException.class).hasMessage("kernel is closed");
        }
        assertThatThrownBy(() -> other.loadLong(0x10000)).hasMessage("kernel is closed");
        assertThatThrownBy(() -> kernel.newProcess(false)).hasMessage("kernel is closed");
        assertThatThrownBy(kernel::checkInvariants).hasMessage("kernel is closed");
        assertThat(p.pid()).isEqualTo(1);
    }

    @Test
    void anExitedProcessRefusesEveryCall() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(true);
            SimThread other = p.newThread();
            p.exit();
            for (Consumer<SimProcess> operation : OPERATIONS) {
                assertThatThrownBy(() -> operation.accept(p)).isInstanceOf(IllegalStateException.class)
                        .hasMessage("process " + p.pid() + " has exited");
            }
            assertThatThrownBy(() -> other.loadLong(0x10000)).hasMessage("process " + p.pid() + " has exited");
        }
    }

    @Test
    void mincoreOfMoreThanAByteArrayHoldsIsAClearErrorAndWorksIntoProcessMemory() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(true);
            long size = 1L << 45;
            long a = p.mmap(0, size, RW, ANON | MAP_NORESERVE, -1, 0);
            assertThatThrownBy(() -> p.mincore(a, size)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8589934592 pages").hasMessageContaining("mincore(addr, len, vec)");
            assertThatThrownBy(() -> p.mincore(a, (1L << 31) * PAGE_SIZE)).isInstanceOf(IllegalArgumentException.class);
            // the kernel's checks still come first
            assertThatThrownBy(() -> p.mincore(a + 1, size)).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);

            // the system call's form writes the vector into process memory, a chunk at a time
            p.store(a + 5 * PAGE_SIZE, new byte[1]);
            long vec = p.mmap(0, 3 * PAGE_SIZE, RW, ANON, -1, 0);
            p.mincore(a, 3 * PAGE_SIZE * PAGE_SIZE, vec);
            byte[] bytes = new byte[8];
            p.load(vec, bytes);
            assertThat(bytes).containsExactly(0, 0, 0, 0, 0, 1, 0, 0);
            assertThat(p.mincore(a, 8 * PAGE_SIZE)).containsExactly(bytes);
            // a vector that runs into a hole: the chunks before it are written, then EFAULT
            p.munmap(vec + 2 * PAGE_SIZE, PAGE_SIZE);
            p.store(a + 2 * PAGE_SIZE * PAGE_SIZE, new byte[1]);
            assertThatThrownBy(() -> p.mincore(a, 3 * PAGE_SIZE * PAGE_SIZE, vec)).hasFieldOrPropertyWithValue("errno", Errno.EFAULT);
            assertThat(p.loadLong(vec + 2 * PAGE_SIZE - 8)).isZero();
            p.munmap(a + PAGE_SIZE * PAGE_SIZE, PAGE_SIZE);
            assertThatThrownBy(() -> p.mincore(a, 2 * PAGE_SIZE * PAGE_SIZE, vec)).hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            assertThatThrownBy(() -> p.mincore(a, PAGE_SIZE, 1L << 47)).hasFieldOrPropertyWithValue("errno", Errno.EFAULT);
            kernel.checkInvariants();
        }
    }

    @Test
    void unprivilegedProcessesLockAtMostRlimitMemlock() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long limit = 8L << 20;
            long a = p.mmap(0, 2 * limit, RW, ANON | MAP_NORESERVE, -1, 0);
            p.mlock(a, limit);
            p.mlock(a + PAGE_SIZE, limit - PAGE_SIZE);
            assertThatThrownBy(() -> p.mlock(a + limit - PAGE_SIZE, 2 * PAGE_SIZE)).hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            assertThatThrownBy(() -> p.mmap(0, PAGE_SIZE, RW, ANON | MAP_LOCKED, -1, 0)).hasFieldOrPropertyWithValue("errno", Errno.EAGAIN);
            p.munlock(a, 2 * limit);
            long b = p.mmap(0, limit, RW, ANON | MAP_LOCKED, -1, 0);
            assertThatThrownBy(() -> p.mremap(b, limit, limit + PAGE_SIZE, MREMAP_MAYMOVE, 0))
                    .hasFieldOrPropertyWithValue("errno", Errno.EAGAIN);
            SimProcess root = kernel.newProcess(true);
            long c = root.mmap(0, 2 * limit, RW, ANON | MAP_LOCKED, -1, 0);
            root.mremap(c, 2 * limit, 2 * limit + PAGE_SIZE, MREMAP_MAYMOVE, 0);
            kernel.checkInvariants();
        }
    }
}
