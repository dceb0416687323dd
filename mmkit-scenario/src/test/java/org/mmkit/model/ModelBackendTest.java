package org.mmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Requirement.Kind;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.SyscallReturn;
import org.mmkit.core.Errno;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.Signal;
import org.mmkit.core.SimProcess;
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
    void theModelCanRunOutOfMemory() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.OOM, null)).isNull();
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
        assertThat(unsupported(KernelConfig.linux618(), Kind.NO_ZERO_PAGE, null))
                .isEqualTo("this kernel configuration maps the shared zero page");
        assertThat(unsupported(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build(), Kind.NO_ZERO_PAGE, null))
                .isNull();
    }

    /**
     * A soft-dirty scenario switches the model's profile on before its first process (the kernel
     * here lacks the option, so only the model runs such scenarios); once processes run it cannot.
     */
    @Test
    void softDirtySwitchesTheProfileOnBeforeTheFirstProcess() {
        try (ModelBackend model = new ModelBackend(KernelConfig.linux618())) {
            assertThat(model.unsupported(new Requirement(Kind.NO_SOFT_DIRTY, null))).isNull();
            assertThat(model.unsupported(new Requirement(Kind.SOFT_DIRTY, null))).isNull();
            assertThat(model.unsupported(new Requirement(Kind.NO_SOFT_DIRTY, null)))
                    .isEqualTo("this kernel configuration tracks soft-dirty pages");
            assertThat(model.unsupported(new Requirement(Kind.SOFT_DIRTY, null))).isNull();
        }
        try (ModelBackend model = new ModelBackend(KernelConfig.linux618())) {
            model.newProcess(true);
            assertThat(model.unsupported(new Requirement(Kind.SOFT_DIRTY, null)))
                    .isEqualTo("soft-dirty is off in this kernel configuration, and processes run already");
        }
        assertThat(unsupported(KernelConfig.linux618().toBuilder().softDirty(true).build(), Kind.SOFT_DIRTY, null)).isNull();
    }

    /** Like the kernel backend, the model lends itself one swap area for a swap scenario, once. */
    @Test
    void swapIsLentOnceWhenTheConfigurationHasNone() {
        Kernel kernel = Kernel.create(KernelConfig.linux618());
        try (ModelBackend model = new ModelBackend(kernel)) {
            assertThat(model.unsupported(new Requirement(Kind.SWAP, null))).isNull();
            assertThat(model.unsupported(new Requirement(Kind.SWAP, null))).isNull();
            assertThat(kernel.swapon(2, 0)).as("the next area's type").isEqualTo(1);
        }
        Kernel configured = Kernel.create(KernelConfig.linux618().toBuilder()
                .swapAreas(List.of(new KernelConfig.SwapSpace(16, -2))).build());
        try (ModelBackend model = new ModelBackend(configured)) {
            assertThat(model.unsupported(new Requirement(Kind.SWAP, null))).isNull();
            assertThat(configured.swapon(2, 0)).as("no area lent beside the configured one").isEqualTo(1);
        }
    }

    @Test
    void unmodelledFeaturesAreNamed() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.HUGETLB, null)).isEqualTo("hugetlb is not modelled yet");
        assertThat(unsupported(KernelConfig.linux618(), Kind.THP, null)).isEqualTo("thp is not modelled yet");
    }

    @Test
    void userfaultfdIsModelled() {
        assertThat(unsupported(KernelConfig.linux618(), Kind.UFFD, null)).isNull();
        assertThat(unsupported(KernelConfig.linux618(), Kind.UFFD_EVENTS, null)).isNull();
    }

    @Test
    void nameIsModel() {
        try (ModelBackend model = new ModelBackend()) {
            assertThat(model.name()).isEqualTo("model");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static long anon(ModelBackend model, int p, long pages) {
        return model.syscall(p, Syscall.MMAP, 0, pages * Uapi.PAGE_SIZE, Uapi.PROT_READ | Uapi.PROT_WRITE,
                Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS, -1, 0);
    }

    @Test
    void spawnedThreadsShareTheAddressSpaceAndFaultOnTheirOwn() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = anon(model, p, 1);
            int storer = model.startStore(p, a, new byte[] {(byte) 0xcd});

            // start returns once the access has ended: the main thread sees the store before the await
            assertThat(model.load(p, a, 1).data()).containsExactly(0xcd);
            assertThat(awaitAccess(model, p, storer, WAIT).ok()).isTrue();
            int loader = model.startLoad(p, a + Uapi.PAGE_SIZE, 1);
            Access fault = awaitAccess(model, p, loader, WAIT);
            assertThat(fault.signal()).isEqualTo(Signal.SIGSEGV.number());
            assertThat(fault.code()).isEqualTo(Signal.SEGV_MAPERR);
            assertThat(fault.address()).isEqualTo(a + Uapi.PAGE_SIZE);
        }
    }

    @Test
    void threadsAreNumberedInSpawnOrderAndEachIsAwaitedOnce() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = anon(model, p, 1);
            int first = model.startStore(p, a, new byte[] {1, 2});
            int second = model.startLoad(p, a, 2);

            assertThat(List.of(first, second)).containsExactly(1, 2);
            assertThat(awaitAccess(model, p, second, WAIT).data()).containsExactly(1, 2);
            assertThat(awaitAccess(model, p, first, WAIT).ok()).isTrue();
            assertThatThrownBy(() -> awaitAccess(model, p, first, WAIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no running thread 1 in process " + p);
        }
    }

    @Test
    void aForkedChildHasNoneOfItsParentsThreads() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = anon(model, p, 1);
            assertThat(model.startLoad(p, a, 1)).isEqualTo(1);
            int child = model.fork(p);

            assertThatThrownBy(() -> awaitAccess(model, child, 1, WAIT)).isInstanceOf(IllegalArgumentException.class);
            assertThat(model.startLoad(child, a, 1)).isEqualTo(1);
        }
    }

    @Test
    void threadsEndWithTheirProcess() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            int thread = model.startLoad(p, 0, 1);
            model.exit(p);

            assertThatThrownBy(() -> awaitAccess(model, p, thread, WAIT)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** D1: every scenario's machine held about 1 MiB of off-heap memory for good. */
    @Test
    void closeReleasesTheKernel() {
        Kernel kernel = Kernel.create(KernelConfig.linux618());
        ModelBackend model = new ModelBackend(kernel);
        model.newProcess(true);

        model.close();
        model.close();

        assertThatThrownBy(() -> {
            SimProcess after = kernel.newProcess(true);
            long a = after.mmap(0, Uapi.PAGE_SIZE, Uapi.PROT_READ | Uapi.PROT_WRITE, Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS, -1, 0);
            after.mainThread().store(a, new byte[] {1});
        }).isInstanceOf(IllegalStateException.class);
    }

    /** A pipe of process {@code p}: its read end and write end. */
    private static int[] pipe(ModelBackend model, int p, long at) {
        assertThat(model.syscall(p, Syscall.PIPE, at)).isZero();
        byte[] fds = model.load(p, at, 8).data();
        return new int[] {fds[0], fds[4]};
    }

    @Test
    void aSpawnedSystemCallThatSleepsReturnsAtOnceAndEndsWhenWoken() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = anon(model, p, 1);
            int[] fds = pipe(model, p, a);
            int reader = model.startSyscall(p, Syscall.READ, fds[0], a + 100, 10);

            assertThat(model.awaitThread(p, reader, Duration.ZERO)).as("still asleep").isNull();
            model.store(p, a + 200, new byte[] {7, 8});
            assertThat(model.syscall(p, Syscall.WRITE, fds[1], a + 200, 2)).isEqualTo(2);
            assertThat(model.awaitThread(p, reader, WAIT)).isEqualTo(new SyscallReturn(2));
            assertThat(model.load(p, a + 100, 3).data()).containsExactly(7, 8, 0);
            int failing = model.startSyscall(p, Syscall.READ, fds[1], a, 1);
            assertThat(model.awaitThread(p, failing, WAIT)).isEqualTo(new SyscallReturn(-Errno.EBADF.number()));
        }
    }

    @Test
    void aCallOfTheMainThreadThatNothingCanWakeIsAnError() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = anon(model, p, 1);
            int[] fds = pipe(model, p, a);
            int reader = model.startSyscall(p, Syscall.READ, fds[0], a + 100, 10);

            assertThatThrownBy(() -> model.syscall(p, Syscall.READ, fds[0], a + 200, 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("read of process " + p + " sleeps until another thread wakes it, and no thread of the scenario can: it would wait for ever");
            assertThat(model.awaitThread(p, reader, Duration.ZERO)).isNull();
        }
    }

    @Test
    void aSpawnedPollWithAFiniteTimeoutIsNotModelled() {
        try (ModelBackend model = new ModelBackend()) {
            int p = model.newProcess(true);
            long a = anon(model, p, 1);
            assertThat(model.awaitThread(p, model.startSyscall(p, Syscall.POLL, a, 0, 0), WAIT)).isEqualTo(new SyscallReturn(0));
            int pause = model.startSyscall(p, Syscall.POLL, a, 0, -1); // no file can become ready: as pause()
            assertThat(model.awaitThread(p, pause, Duration.ZERO)).isNull();
            assertThatThrownBy(() -> model.startSyscall(p, Syscall.POLL, a, 0, 10))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("poll with a timeout of 10 ms on a spawned thread is not modelled");
        }
    }

    /** The outcome of a spawned load or store. */
    private static Access awaitAccess(Backend backend, int pid, int thread, Duration wait) {
        return (Access) backend.awaitThread(pid, thread, wait);
    }
}
