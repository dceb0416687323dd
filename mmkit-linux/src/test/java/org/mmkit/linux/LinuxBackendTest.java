package org.mmkit.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.MAP_ANONYMOUS;
import static org.mmkit.core.Uapi.MAP_PRIVATE;
import static org.mmkit.core.Uapi.MAP_SHARED;
import static org.mmkit.core.Uapi.MREMAP_DONTUNMAP;
import static org.mmkit.core.Uapi.MREMAP_MAYMOVE;
import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.Uapi.PROT_READ;
import static org.mmkit.core.Uapi.PROT_WRITE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.SyscallReturn;
import org.mmkit.core.Errno;
import org.mmkit.core.Signal;
import org.mmkit.core.abi.PagemapEntryLayout;

/** The real kernel through the backend: these assert Linux behaviour, so they run on Linux x86-64 as root. */
class LinuxBackendTest {
    private static final long PRESENT = PagemapEntryLayout.PRESENT;
    private static final long EXCLUSIVE = PagemapEntryLayout.MMAP_EXCLUSIVE;
    private static final long PFN_MASK = (1L << 55) - 1;
    private static final int EINVAL = Errno.EINVAL.number();
    private static final int ENOMEM = Errno.ENOMEM.number();

    private static final Duration WAIT = Duration.ofSeconds(10);

    private LinuxBackend backend;

    @BeforeEach
    void start() {
        KernelBackendAssumptions.rootAndExecutor();
        backend = new LinuxBackend();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    /** {@code memfd_create} with the name stored in a fresh page of the process, as the runner passes strings. */
    private long memfdCreate(int p, String name) {
        long page = backend.syscall(p, Syscall.MMAP, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        byte[] bytes = (name + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(backend.store(p, page, bytes).ok()).isTrue();
        long fd = backend.syscall(p, Syscall.MEMFD_CREATE, page, 0);
        assertThat(backend.syscall(p, Syscall.MUNMAP, page, PAGE_SIZE)).isZero();
        return fd;
    }

    @Test
    void storedBytesLoadBack() {
        int p = backend.newProcess(true);
        long a = anon(p, 4);
        byte[] data = pattern(3 * (int) PAGE_SIZE + 17);

        assertThat(backend.store(p, a + 5, data).ok()).isTrue();

        Access loaded = backend.load(p, a + 5, data.length);
        assertThat(loaded.ok()).isTrue();
        assertThat(loaded.data()).isEqualTo(data);
    }

    @Test
    void accessesLargerThanOneTransferAreSplit() {
        int p = backend.newProcess(true);
        int pages = 2 * LinuxProtocol.MAX_TRANSFER / (int) PAGE_SIZE + 3;
        long a = anon(p, pages);
        byte[] data = pattern(pages * (int) PAGE_SIZE);

        assertThat(backend.store(p, a, data).ok()).isTrue();

        assertThat(backend.load(p, a, data.length).data()).isEqualTo(data);
        Result<byte[]> vector = backend.mincore(p, a, (long) pages * PAGE_SIZE);
        assertThat(vector.value()).hasSize(pages).containsOnly(1);
    }

    @Test
    void loadFromUnmappedAddressIsSegvMaperr() {
        int p = backend.newProcess(true);
        long a = anon(p, 2);
        assertThat(backend.syscall(p, Syscall.MUNMAP, a + PAGE_SIZE, PAGE_SIZE)).isZero();

        Access access = backend.load(p, a + PAGE_SIZE - 2, 8);

        assertThat(access.signal()).isEqualTo(Signal.SIGSEGV.number());
        assertThat(access.code()).isEqualTo(Signal.SEGV_MAPERR);
        assertThat(access.address()).isEqualTo(a + PAGE_SIZE);
    }

    @Test
    void aSpawnedThreadsStoreIsVisibleToTheMainThread() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);
        int storer = backend.startStore(p, a + 3, new byte[] {(byte) 0xcd});

        assertThat(awaitAccess(backend, p, storer, WAIT).ok()).isTrue();

        assertThat(backend.load(p, a + 2, 3).data()).isEqualTo(new byte[] {0, (byte) 0xcd, 0});
        int loader = backend.startLoad(p, a + 3, 1);
        assertThat(awaitAccess(backend, p, loader, WAIT).data()).isEqualTo(new byte[] {(byte) 0xcd});
    }

    @Test
    void aSpawnedThreadsFaultIsReportedAndBothThreadsCarryOn() {
        int p = backend.newProcess(true);
        long a = anon(p, 2);
        assertThat(backend.syscall(p, Syscall.MUNMAP, a + PAGE_SIZE, PAGE_SIZE)).isZero();
        int faulting = backend.startLoad(p, a + PAGE_SIZE - 1, 2);
        int storer = backend.startStore(p, a, new byte[] {7});

        Access access = awaitAccess(backend, p, faulting, WAIT);

        assertThat(access.signal()).isEqualTo(Signal.SIGSEGV.number());
        assertThat(access.code()).isEqualTo(Signal.SEGV_MAPERR);
        assertThat(access.address()).isEqualTo(a + PAGE_SIZE);
        assertThat(awaitAccess(backend, p, storer, WAIT).ok()).isTrue();
        assertThat(awaitAccess(backend, p, backend.startLoad(p, a, 1), WAIT).data()).isEqualTo(new byte[] {7});
        assertThat(backend.load(p, a + PAGE_SIZE, 1).code()).isEqualTo(Signal.SEGV_MAPERR);
    }

    @Test
    void aSpawnedLoadLargerThanOneTransferArrivesWhole() {
        int p = backend.newProcess(true);
        int pages = 2 * LinuxProtocol.MAX_TRANSFER / (int) PAGE_SIZE + 3;
        long a = anon(p, pages);
        byte[] data = pattern(pages * (int) PAGE_SIZE);
        assertThat(backend.store(p, a, data).ok()).isTrue();

        assertThat(awaitAccess(backend, p, backend.startLoad(p, a, data.length), WAIT).data()).isEqualTo(data);
    }

    @Test
    void aForkedChildStartsWithoutThreadsAndSpawnsItsOwn() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);
        backend.startLoad(p, a, 1);
        backend.startLoad(p, a, 1);
        int child = backend.fork(p);

        int thread = backend.startStore(child, a, new byte[] {9});

        assertThat(thread).isEqualTo(1);
        assertThat(awaitAccess(backend, child, thread, WAIT).ok()).isTrue();
        assertThat(backend.load(child, a, 1).data()).isEqualTo(new byte[] {9});
        assertThat(backend.load(p, a, 1).data()).isEqualTo(new byte[] {0});
    }

    /** As on the model: a spawn returns once its access has ended, so the next step sees it. */
    @Test
    void aSpawnReturnsOnceItsAccessHasEnded() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);

        for (int i = 1; i <= 100; i++) {
            int thread = backend.startStore(p, a, new byte[] {(byte) i});
            assertThat(backend.load(p, a, 1).data()).as("store %d", i).isEqualTo(new byte[] {(byte) i});
            assertThat(awaitAccess(backend, p, thread, WAIT).ok()).isTrue();
        }
    }

    @Test
    void theExecutorServesRequestsWhileAThreadIsBlockedInTheKernel() {
        int p = backend.newProcess(true);
        long started = System.nanoTime();
        int sleeper = backend.startStall(p, Duration.ofSeconds(3));

        long a = anon(p, 1);
        assertThat(backend.store(p, a, new byte[] {5}).ok()).isTrue();
        int loader = backend.startLoad(p, a, 1);
        assertThat(awaitAccess(backend, p, loader, WAIT).data()).isEqualTo(new byte[] {5});
        assertThat(awaitAccess(backend, p, sleeper, Duration.ZERO)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        assertThat(awaitAccess(backend, p, sleeper, WAIT).ok()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aSpawnedSystemCallReturnsWhileItSleepsAndRepliesWhenWoken() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);
        assertThat(backend.syscall(p, Syscall.PIPE, a)).isZero();
        byte[] fds = backend.load(p, a, 8).data();
        int reader = backend.startSyscall(p, Syscall.READ, fds[0], a + 100, 10);

        assertThat(backend.awaitThread(p, reader, Duration.ZERO)).as("asleep in pipe_read").isNull();
        assertThat(backend.store(p, a + 200, new byte[] {7, 8}).ok()).isTrue();
        assertThat(backend.syscall(p, Syscall.WRITE, fds[4], a + 200, 2)).isEqualTo(2);
        assertThat(backend.awaitThread(p, reader, WAIT)).isEqualTo(new SyscallReturn(2));
        assertThat(backend.load(p, a + 100, 3).data()).isEqualTo(new byte[] {7, 8, 0});
        int failing = backend.startSyscall(p, Syscall.READ, fds[4], a, 1);
        assertThat(backend.awaitThread(p, failing, WAIT)).isEqualTo(new SyscallReturn(-Errno.EBADF.number()));
    }

    @Test
    void anUnprivilegedProcessAlsoReturnsFromASpawnWhileTheThreadIsBlocked() {
        int p = backend.newProcess(false);
        long started = System.nanoTime();

        int sleeper = backend.startStall(p, Duration.ofSeconds(3));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(awaitAccess(backend, p, sleeper, WAIT).ok()).isTrue();
    }

    /** D4: the executor had 16 thread slots for a process's whole life. */
    @Test
    void endedThreadsFreeTheirSlots() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);

        for (int i = 1; i <= 3 * LinuxProtocol.MAX_THREADS; i++) {
            int thread = backend.startStore(p, a, new byte[] {(byte) i});
            assertThat(thread).isEqualTo(i);
            assertThat(awaitAccess(backend, p, thread, WAIT).ok()).isTrue();
        }
        assertThat(backend.load(p, a, 1).data()).isEqualTo(new byte[] {(byte) (3 * LinuxProtocol.MAX_THREADS)});
    }

    @Test
    void tooManyThreadsAliveAtOnceIsEagainNamingTheLimit() {
        int p = backend.newProcess(true);
        for (int i = 0; i < LinuxProtocol.MAX_THREADS; i++) {
            backend.startStall(p, Duration.ofSeconds(30));
        }

        assertThatThrownBy(() -> backend.startLoad(p, 0, 1))
                .isInstanceOf(ExecutorFailure.class)
                .hasMessage("process " + p + " cannot start another thread: EAGAIN, at most 16 spawned threads"
                        + " of a process may be alive at once");
    }

    @Test
    void aThreadStillBlockedIsNotWaitedForBeyondTheWaitAndTheProcessStaysUsable() {
        try (LinuxBackend impatient = new LinuxBackend(Duration.ofSeconds(2))) {
            int p = impatient.newProcess(true);
            int sleeper = impatient.startStall(p, Duration.ofSeconds(30));

            assertThat(awaitAccess(impatient, p, sleeper, Duration.ofMillis(300))).isNull();
            assertThat(awaitAccess(impatient, p, sleeper, Duration.ofMillis(300))).isNull();
            assertThat(impatient.load(p, 0x10000, 1).code()).isEqualTo(Signal.SEGV_MAPERR);
        }
    }

    @Test
    void aProcessExitsWhileItsThreadIsBlockedAndTheThreadEndsWithIt() {
        int p = backend.newProcess(true);
        ProcessHandle executor = ProcessHandle.of(backend.pid(p)).orElseThrow();
        int sleeper = backend.startStall(p, Duration.ofSeconds(30));

        backend.exit(p);

        assertThat(executor.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> awaitAccess(backend, p, sleeper, WAIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storeToReadOnlyMemoryIsSegvAccerrAndKeepsThePrefix() {
        int p = backend.newProcess(true);
        long a = anon(p, 2);
        assertThat(backend.syscall(p, Syscall.MPROTECT, a + PAGE_SIZE, PAGE_SIZE, PROT_READ)).isZero();

        Access access = backend.store(p, a + PAGE_SIZE - 4, pattern(8));

        assertThat(access.signal()).isEqualTo(Signal.SIGSEGV.number());
        assertThat(access.code()).isEqualTo(Signal.SEGV_ACCERR);
        assertThat(access.address()).isEqualTo(a + PAGE_SIZE);
        assertThat(backend.load(p, a + PAGE_SIZE - 4, 8).data()).isEqualTo(new byte[] {0, 1, 2, 3, 0, 0, 0, 0});
    }

    @Test
    void sharedMemfdMappingBeyondEndOfFileIsSigbusAdrerr() {
        int p = backend.newProcess(true);
        long fd = memfdCreate(p, "beyond-eof");
        assertThat(fd).isNotNegative();
        assertThat(backend.syscall(p, Syscall.FTRUNCATE, fd, PAGE_SIZE)).isZero();
        long a = backend.syscall(p, Syscall.MMAP, 0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertThat(a).isPositive();

        assertThat(backend.load(p, a, 1).ok()).isTrue();
        Access access = backend.load(p, a + PAGE_SIZE, 1);

        assertThat(access.signal()).isEqualTo(Signal.SIGBUS.number());
        assertThat(access.code()).isEqualTo(Signal.BUS_ADRERR);
        assertThat(access.address()).isEqualTo(a + PAGE_SIZE);
    }

    @Test
    void mremapDontunmapTakesItsFifthArgumentRaw() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);
        backend.store(p, a, new byte[] {42});

        long moved = backend.syscall(p, Syscall.MREMAP, a, PAGE_SIZE, PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);

        assertThat(moved).isPositive().isNotEqualTo(a);
        assertThat(backend.load(p, moved, 1).data()).containsExactly(42);
        // The old range stays mapped, emptied: an anonymous private page reads zero again.
        assertThat(backend.load(p, a, 1).data()).containsExactly(0);
    }

    @Test
    void munmapOfUnalignedAddressIsEinval() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);

        assertThat(backend.syscall(p, Syscall.MUNMAP, a + 1, PAGE_SIZE)).isEqualTo(-EINVAL);
    }

    @Test
    void forkedChildSeesParentDataAndWritesItsOwnCopy() {
        int parent = backend.newProcess(true);
        long a = anon(parent, 1);
        backend.store(parent, a, new byte[] {7});

        int child = backend.fork(parent);

        assertThat(child).isGreaterThan(parent);
        assertThat(backend.pid(child)).isNotEqualTo(backend.pid(parent));
        assertThat(backend.load(child, a, 1).data()).containsExactly(7);
        assertThat(backend.store(child, a, new byte[] {9}).ok()).isTrue();
        assertThat(backend.load(child, a, 1).data()).containsExactly(9);
        assertThat(backend.load(parent, a, 1).data()).containsExactly(7);
    }

    @Test
    void pagemapExclusiveBitFollowsForkAndExit() {
        int parent = backend.newProcess(true);
        long a = anon(parent, 1);
        backend.store(parent, a, new byte[] {1});
        long alone = pagemapEntry(parent, a);
        assertThat(alone & PRESENT).isNotZero();
        assertThat(alone & EXCLUSIVE).isNotZero();
        assertThat(alone & PFN_MASK).isNotZero();

        int child = backend.fork(parent);
        assertThat(pagemapEntry(parent, a) & EXCLUSIVE).isZero();
        assertThat(pagemapEntry(child, a) & EXCLUSIVE).isZero();
        assertThat(pagemapEntry(child, a) & PFN_MASK).isEqualTo(alone & PFN_MASK);

        backend.exit(child);
        assertThat(pagemapEntry(parent, a)).isEqualTo(alone);
    }

    @Test
    void exitedProcessesAreReapedWhicheverExitsFirst() {
        int parent = backend.newProcess(true);
        long a = anon(parent, 1);
        backend.store(parent, a, new byte[] {5});
        int child = backend.fork(parent);
        ProcessHandle parentExecutor = ProcessHandle.of(backend.pid(parent)).orElseThrow();
        ProcessHandle childExecutor = ProcessHandle.of(backend.pid(child)).orElseThrow();
        ProcessHandle supervisor = parentExecutor.parent().orElseThrow();

        backend.exit(parent);
        assertThat(parentExecutor.onExit()).succeedsWithin(Duration.ofSeconds(5));
        // The orphan goes on working, and is reaped by the supervisor when it exits.
        assertThat(backend.load(child, a, 1).data()).containsExactly(5);
        backend.exit(child);

        assertThat(childExecutor.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(supervisor.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> backend.load(child, a, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scenarioDescriptorsStartAtThree() {
        int p = backend.newProcess(false);

        assertThat(memfdCreate(p, "first")).isEqualTo(3);
    }

    @Test
    void unprivilegedProcessSeesNoPfn() {
        int p = backend.newProcess(false);
        long a = anon(p, 1);
        backend.store(p, a, new byte[] {1});

        long entry = pagemapEntry(p, a);

        assertThat(entry & PRESENT).isNotZero();
        assertThat(entry & EXCLUSIVE).isNotZero();
        assertThat(entry & PFN_MASK).isZero();
        // Its forked children are unprivileged too, and reconnect to the driver as such.
        int child = backend.fork(p);
        assertThat(pagemapEntry(child, a) & (PRESENT | PFN_MASK)).isEqualTo(PRESENT);
        assertThat(backend.procText(child, ProcFile.MAPS)).contains(Long.toHexString(a));
    }

    @Test
    void pagemapReadOfAnOddCountIsEinval() {
        int p = backend.newProcess(true);
        long a = anon(p, 1);

        assertThat(backend.pagemapRead(p, a / PAGE_SIZE * 8, 12).errno()).isEqualTo(EINVAL);
        assertThat(backend.pagemapRead(p, a / PAGE_SIZE * 8, LinuxProtocol.MAX_TRANSFER + 4).errno()).isEqualTo(EINVAL);
    }

    @Test
    void mapsAndSmapsShowTheMapping() {
        int p = backend.newProcess(true);
        long a = anon(p, 3);
        String range = Long.toHexString(a) + "-" + Long.toHexString(a + 3 * PAGE_SIZE) + " rw-p 00000000 00:00 0";

        assertThat(backend.procText(p, ProcFile.MAPS)).contains(range);
        assertThat(backend.procText(p, ProcFile.SMAPS)).contains(range).contains("Rss:");
    }

    @Test
    void procTextLongerThanOneTransferArrivesWhole() {
        int p = backend.newProcess(true);
        int pages = 4000;
        long a = anon(p, pages);
        // Every other page read-only: 4000 VMAs that cannot merge, about 1.5 MB of smaps.
        for (int i = 1; i < pages; i += 2) {
            assertThat(backend.syscall(p, Syscall.MPROTECT, a + i * PAGE_SIZE, PAGE_SIZE, PROT_READ)).isZero();
        }

        String smaps = backend.procText(p, ProcFile.SMAPS);

        assertThat(smaps.length()).isGreaterThan(LinuxProtocol.MAX_TRANSFER);
        long last = a + (pages - 1) * PAGE_SIZE;
        assertThat(smaps).contains(Long.toHexString(last) + "-" + Long.toHexString(last + PAGE_SIZE) + " r--p");
        assertThat(smaps.lines().filter(line -> line.startsWith("Rss:")).count()).isGreaterThanOrEqualTo(pages);
    }

    @Test
    void mincoreOfUnalignedAddressIsEinvalAndOfHoleIsEnomem() {
        int p = backend.newProcess(true);
        long a = anon(p, 2);
        backend.store(p, a, new byte[] {1});
        assertThat(backend.mincore(p, a, 2 * PAGE_SIZE).value()).containsExactly(1, 0);
        assertThat(backend.mincore(p, a + 1, PAGE_SIZE).errno()).isEqualTo(EINVAL);
        assertThat(backend.syscall(p, Syscall.MUNMAP, a, 2 * PAGE_SIZE)).isZero();
        assertThat(backend.mincore(p, a, PAGE_SIZE).errno()).isEqualTo(ENOMEM);
    }

    @Test
    void addressesRepeatAcrossProcessesWithoutRandomisation() {
        int first = backend.newProcess(true);
        int second = backend.newProcess(true);

        assertThat(anon(first, 1)).isEqualTo(anon(second, 1));
    }

    @Test
    void processKilledFromOutsideFailsClearly() {
        int p = backend.newProcess(true);
        ProcessHandle.of(backend.pid(p)).orElseThrow().destroyForcibly();

        assertThatThrownBy(() -> backend.load(p, 0x10000, 1))
                .isInstanceOf(ExecutorFailure.class)
                .hasMessageContaining("process " + p)
                .hasMessageContaining("ended");
        assertThatThrownBy(() -> backend.load(p, 0x10000, 1))
                .isInstanceOf(ExecutorFailure.class)
                .hasMessageContaining("cannot load");
    }

    @Test
    void unansweredRequestTimesOutAndKillsTheExecutor() {
        try (LinuxBackend impatient = new LinuxBackend(Duration.ofSeconds(2))) {
            int p = impatient.newProcess(true);
            ProcessHandle executor = ProcessHandle.of(impatient.pid(p)).orElseThrow();

            assertThatThrownBy(() -> impatient.stall(p, Duration.ofSeconds(30)))
                    .isInstanceOf(ExecutorFailure.class)
                    .hasMessageContaining("executor for process " + p + " did not answer stall(30000 ms) within 2 s; killed");
            assertThat(executor.onExit()).succeedsWithin(Duration.ofSeconds(5));
            assertThatThrownBy(() -> impatient.load(p, 0x10000, 1)).isInstanceOf(ExecutorFailure.class);
        }
    }

    @Test
    void interruptedRequestGivesUpAtOnce() throws InterruptedException {
        int p = backend.newProcess(true);
        Thread caller = Thread.currentThread();
        Thread interrupter = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        try {
            assertThatThrownBy(() -> backend.stall(p, Duration.ofSeconds(30)))
                    .isInstanceOf(ExecutorFailure.class)
                    .hasMessageContaining("interrupted while waiting for process " + p);
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }

    @Test
    void closeEndsEveryExecutor() {
        int p = backend.newProcess(true);
        int child = backend.fork(p);
        ProcessHandle parentExecutor = ProcessHandle.of(backend.pid(p)).orElseThrow();
        ProcessHandle childExecutor = ProcessHandle.of(backend.pid(child)).orElseThrow();

        backend.close();

        assertThat(parentExecutor.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(childExecutor.onExit()).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void requirementsDescribeThisMachine() {
        assertThat(backend.unsupported(new Requirement(Requirement.Kind.ROOT, null))).isNull();
        assertThat(backend.unsupported(new Requirement(Requirement.Kind.KERNEL, "6.0"))).isNull();
        assertThat(backend.unsupported(new Requirement(Requirement.Kind.KERNEL, "99.1"))).contains("needs kernel 99.1");
        assertThat(backend.unsupported(new Requirement(Requirement.Kind.UFFD, null))).isNull();
        // The reference kernel is built without CONFIG_MEM_SOFT_DIRTY.
        assertThat(backend.unsupported(new Requirement(Requirement.Kind.SOFT_DIRTY, null))).contains("bit 55");
        assertThat(backend.unsupported(new Requirement(Requirement.Kind.OOM, null))).contains("OOM killer");
    }

    @Test
    void machineDependentRequirementsAnswerWithoutProbing() {
        for (Requirement.Kind kind : new Requirement.Kind[] {Requirement.Kind.SWAP, Requirement.Kind.HUGETLB, Requirement.Kind.THP}) {
            String reason = backend.unsupported(new Requirement(kind, null));
            assertThat(reason == null || reason.startsWith("needs ")).as("%s: %s", kind, reason).isTrue();
        }
    }

    @Test
    void kernelVersionsCompareNumerically() {
        assertThat(KernelRequirements.compareVersions("6.18.44-fc-v669", "6.15")).isPositive();
        assertThat(KernelRequirements.compareVersions("6.9.1", "6.15")).isNegative();
        assertThat(KernelRequirements.compareVersions("6.15.0-rc1", "6.15")).isZero();
        assertThatThrownBy(() -> KernelRequirements.compareVersions("6.18", "six")).isInstanceOf(IllegalArgumentException.class);
    }

    private long anon(int p, int pages) {
        long a = backend.syscall(p, Syscall.MMAP, 0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assertThat(a).as("mmap").isPositive();
        return a;
    }

    private long pagemapEntry(int p, long addr) {
        Result<byte[]> read = backend.pagemapRead(p, addr / PAGE_SIZE * 8, 8);
        assertThat(read.ok()).as("pagemap read").isTrue();
        return ByteBuffer.wrap(read.value()).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    /** The outcome of a spawned load or store. */
    private static Access awaitAccess(Backend backend, int pid, int thread, Duration wait) {
        return (Access) backend.awaitThread(pid, thread, wait);
    }
}
