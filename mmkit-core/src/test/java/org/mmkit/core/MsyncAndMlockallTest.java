package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.SmapsTest.smapsOf;
import static org.mmkit.core.Uapi.*;

import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * msync ({@code mm/msync.c}) and mlockall/munlockall ({@code mm/mlock.c}) through the public API.
 * The kernel checks the same rules in scenarios/syscalls/msync-*.mms and mlockall-*.mms; the one
 * case it cannot run, MCL_CURRENT in an unprivileged process whose mappings fit the limit, follows
 * the {@code total_vm} check of {@code SYSCALL_DEFINE1(mlockall)}.
 */
class MsyncAndMlockallTest {
    private static final long ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private static final long RW = PROT_READ | PROT_WRITE;
    private static final long LIMIT_PAGES = (8L << 20) / PAGE_SIZE;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static void assertErrno(ThrowingCallable call, Errno errno) {
        assertThatThrownBy(call).isInstanceOf(ErrnoException.class).hasFieldOrPropertyWithValue("errno", errno);
    }

    private static String vmFlags(SimProcess process, long start) {
        return smapsOf(process, start).keySet().stream().filter(k -> k.startsWith("VmFlags:")).findFirst().orElseThrow();
    }

    @Test
    void msyncChecksFlagsAlignmentAndLength() {
        long a = p.mmap(0, 4 * PAGE_SIZE, RW, ANON, -1, 0);
        assertErrno(() -> p.msync(a, PAGE_SIZE, 8), Errno.EINVAL);
        assertErrno(() -> p.msync(a + 1, PAGE_SIZE, MS_SYNC), Errno.EINVAL);
        assertErrno(() -> p.msync(a, PAGE_SIZE, MS_ASYNC | MS_SYNC), Errno.EINVAL);
        p.msync(a, 1, 0);
        p.msync(a, 4 * PAGE_SIZE - 1, MS_SYNC | MS_INVALIDATE);
        // the flags are an int; a length of -1 rounds up to 0, one of -PAGE wraps below the start
        p.msync(a, PAGE_SIZE, (1L << 32) | MS_SYNC);
        p.msync(a, -1, MS_SYNC);
        assertErrno(() -> p.msync(a, -PAGE_SIZE, MS_SYNC), Errno.ENOMEM);
        assertErrno(() -> p.msync(a + 4 * PAGE_SIZE, PAGE_SIZE, MS_SYNC), Errno.ENOMEM);
    }

    @Test
    void msyncGoesOnPastAHoleExceptForPlainAsync() {
        long a = p.mmap(0, 3 * PAGE_SIZE, RW, ANON, -1, 0);
        p.munmap(a + PAGE_SIZE, PAGE_SIZE);
        p.mlock(a + 2 * PAGE_SIZE, PAGE_SIZE);
        assertErrno(() -> p.msync(a, 3 * PAGE_SIZE, MS_SYNC), Errno.ENOMEM);
        // the locked VMA behind the hole is still visited: its EBUSY wins over the hole's ENOMEM
        assertErrno(() -> p.msync(a, 3 * PAGE_SIZE, MS_INVALIDATE), Errno.EBUSY);
        assertErrno(() -> p.msync(a, 3 * PAGE_SIZE, MS_ASYNC | MS_INVALIDATE), Errno.EBUSY);
        assertErrno(() -> p.msync(a, 3 * PAGE_SIZE, MS_ASYNC), Errno.ENOMEM);
        // a range that ends before the next VMA begins is all hole
        assertErrno(() -> p.msync(a + PAGE_SIZE, PAGE_SIZE, MS_SYNC), Errno.ENOMEM);
        p.msync(a + 2 * PAGE_SIZE, PAGE_SIZE, MS_SYNC);
    }

    @Test
    void msyncSyncOfSharedMemoryChangesNothing() {
        int fd = UserStrings.memfd(p, "m", 0);
        p.ftruncate(fd, 2 * PAGE_SIZE);
        long s = p.mmap(0, 2 * PAGE_SIZE, RW, MAP_SHARED, fd, 0);
        p.store(s, new byte[] {7});
        Map<String, Long> before = smapsOf(p, s);
        byte[] pagemapBefore = new byte[16];
        p.pagemapRead(s / PAGE_SIZE * 8, pagemapBefore);
        p.msync(s, 2 * PAGE_SIZE, MS_SYNC | MS_INVALIDATE);
        byte[] pagemapAfter = new byte[16];
        p.pagemapRead(s / PAGE_SIZE * 8, pagemapAfter);
        assertThat(smapsOf(p, s)).isEqualTo(before).containsEntry("Private_Dirty", 4L);
        assertThat(pagemapAfter).isEqualTo(pagemapBefore);
    }

    @Test
    void mlockallRefusesBadFlags() {
        for (long flags : new long[] {0, 8, MCL_CURRENT | 8, MCL_ONFAULT, 1L << 32}) {
            assertErrno(() -> p.mlockall(flags), Errno.EINVAL);
        }
    }

    @Test
    void mclCurrentLocksAndPopulatesEveryLockableVma() {
        long a = p.mmap(0, 2 * PAGE_SIZE, RW, ANON, -1, 0);
        long none = p.mmap(0, PAGE_SIZE, PROT_NONE, ANON, -1, 0);
        long d = p.mmap(0, PAGE_SIZE, RW, MAP_DROPPABLE | MAP_ANONYMOUS, -1, 0);
        p.mlockall(MCL_CURRENT);
        assertThat(smapsOf(p, a)).containsEntry("Locked", 8L).containsKey("VmFlags:rd wr mr mw me lo ac");
        assertThat(smapsOf(p, none)).containsEntry("Rss", 0L).containsKey("VmFlags:mr mw me lo");
        assertThat(vmFlags(p, d)).doesNotContain(" lo");
        long later = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        assertThat(smapsOf(p, later)).containsEntry("Rss", 0L);
        p.munlockall();
        assertThat(smapsOf(p, a)).containsEntry("Locked", 0L).containsEntry("Rss", 8L);
    }

    @Test
    void mclOnfaultLocksWithoutPopulating() {
        long a = p.mmap(0, 2 * PAGE_SIZE, RW, ANON, -1, 0);
        p.mlockall(MCL_CURRENT | MCL_ONFAULT);
        assertThat(smapsOf(p, a)).containsEntry("Rss", 0L).containsKey("VmFlags:rd wr mr mw me lo lf ac");
        p.mlockall(MCL_FUTURE | MCL_ONFAULT);
        long b = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        assertThat(smapsOf(p, b)).containsEntry("Rss", 0L).containsKey("VmFlags:rd wr mr mw me lo lf ac");
    }

    @Test
    void mclFutureLocksLaterMappingsButNotTheChildsOrDroppableOnes() {
        p.mlockall(MCL_FUTURE);
        long a = p.mmap(0, 2 * PAGE_SIZE, RW, ANON, -1, 0);
        assertThat(smapsOf(p, a)).containsEntry("Locked", 8L);
        long d = p.mmap(0, PAGE_SIZE, RW, MAP_DROPPABLE | MAP_ANONYMOUS, -1, 0);
        // populated because the mapping was asked for locked, left unlocked by __mmap_complete
        assertThat(smapsOf(p, d)).containsEntry("Rss", 4L).containsEntry("Locked", 0L);
        long below = p.mmap(d - PAGE_SIZE, PAGE_SIZE, RW, MAP_DROPPABLE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        assertThat(smapsOf(p, below)).containsEntry("Size", 4L); // not merged with d
        SimProcess child = p.fork();
        long c = child.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        assertThat(vmFlags(child, c)).doesNotContain(" lo");
        p.mlockall(MCL_CURRENT);
        long b = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        assertThat(vmFlags(p, b)).doesNotContain(" lo");
    }

    @Test
    void unprivilegedMlockallStaysWithinRlimitMemlock() {
        SimProcess u = kernel.newProcess(false);
        u.mlockall(MCL_FUTURE);
        assertErrno(() -> u.mmap(0, (LIMIT_PAGES + 1) * PAGE_SIZE, PROT_NONE, ANON, -1, 0), Errno.EAGAIN);
        long a = u.mmap(0, LIMIT_PAGES * PAGE_SIZE, PROT_NONE, ANON, -1, 0);
        assertErrno(() -> u.mmap(0, PAGE_SIZE, PROT_NONE, ANON, -1, 0), Errno.EAGAIN);
        u.munlockall();
        assertThat(vmFlags(u, a)).doesNotContain(" lo");
        // total_vm, locked or not, is what MCL_CURRENT compares with the limit
        u.mlockall(MCL_CURRENT);
        assertThat(vmFlags(u, a)).contains(" lo");
        u.munlockall();
        u.mmap(0, PAGE_SIZE, PROT_NONE, ANON, -1, 0);
        assertErrno(() -> u.mlockall(MCL_CURRENT | MCL_FUTURE), Errno.ENOMEM);
        assertThat(vmFlags(u, a)).doesNotContain(" lo");
        long after = u.mmap(0, PAGE_SIZE, PROT_NONE, ANON, -1, 0);
        assertThat(vmFlags(u, after)).doesNotContain(" lo");
    }
}
