package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/PID/pagemap} of another process (kernel-spec §1.2, §2.1): the descriptor is bound
 * to the address space at open ({@code pagemap_open}), reads and PAGEMAP_SCAN act on it, and once
 * that process has exited reads return 0 ({@code pagemap_read}: {@code mmget_not_zero}) and scans
 * ESRCH (6.18's {@code do_pagemap_scan}, observed on the reference kernel; also
 * scenarios/pagemap/other-process-exited.mms). The open asks {@code PTRACE_MODE_READ_FSCREDS}:
 * EACCES for an unprivileged opener of a privileged process.
 */
class PagemapOfAnotherProcessTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());

    @AfterEach
    void close() {
        kernel.close();
    }

    /** Opens {@code path} read-only in {@code p}, the path written at {@code at}. */
    private static int open(SimProcess p, long at, String path) {
        p.store(at, (path + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return p.openat(AT_FDCWD, at, O_RDONLY, 0);
    }

    @Test
    void readsAndScansBindToTheTargetAndEndWithItsExit() {
        SimProcess parent = kernel.newProcess(true);
        SimProcess child = parent.fork();
        long a = Syscalls.anon(child, 4);
        child.store(a + PAGE_SIZE, new byte[] {1});
        long scratch = Syscalls.anon(parent, 4);
        int pm = open(parent, scratch, "/proc/" + child.pid() + "/pagemap");

        List<long[]> regions = PagemapScans.scan(parent, pm, scratch, scratch + PAGE_SIZE, 0, a, a + 4 * PAGE_SIZE,
                4, 0, PAGE_IS_PRESENT, 0, 0, PAGE_IS_PRESENT);
        assertThat(regions).containsExactly(new long[] {a + PAGE_SIZE, a + 2 * PAGE_SIZE, PAGE_IS_PRESENT},
                new long[] {a + 4 * PAGE_SIZE});
        long entryOffset = (a + PAGE_SIZE) / PAGE_SIZE * 8;
        assertThat(parent.pread(pm, scratch + 2 * PAGE_SIZE, 8, entryOffset)).isEqualTo(8);
        byte[] entry = new byte[8];
        parent.load(scratch + 2 * PAGE_SIZE, entry);
        assertThat(entry[7] & 0xff).isEqualTo(0x81); // present and exclusive: the child's own page

        child.exit();
        assertThat(parent.pread(pm, scratch + 2 * PAGE_SIZE, 8, entryOffset)).isZero();
        Syscalls.assertErrno(Errno.ESRCH, () -> PagemapScans.scan(parent, pm, scratch, scratch + PAGE_SIZE, 0, a,
                a + 4 * PAGE_SIZE, 4, 0, PAGE_IS_PRESENT, 0, 0, PAGE_IS_PRESENT));
        // an unknown command is refused before the address space is looked at
        Syscalls.assertErrno(Errno.EINVAL, () -> parent.ioctl(pm, 0x1234, 0));
        kernel.checkInvariants();
    }

    @Test
    void anUnprivilegedOpenerReachesOnlyUnprivilegedProcesses() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        SimProcess other = kernel.newProcess(false);
        long at = Syscalls.anon(user, 1);
        Syscalls.assertErrno(Errno.EACCES, () -> open(user, at, "/proc/" + root.pid() + "/pagemap"));
        assertThat(open(user, at, "/proc/self/pagemap")).isEqualTo(3);
        assertThat(open(user, at, "/proc/" + other.pid() + "/pagemap")).isEqualTo(4);
        assertThat(open(root, Syscalls.anon(root, 1), "/proc/" + user.pid() + "/pagemap")).isEqualTo(3);
    }

    /**
     * PFNs show as the opener's privilege decides ({@code file_ns_capable} on the file's
     * credentials): a privileged process reading a descriptor an unprivileged one opened, taken
     * with pidfd_getfd, sees none. pidfd_getfd asks ptrace access of the taker.
     */
    @Test
    void thePfnsShowAsTheOpenerMayNotAsTheReaderMay() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        long a = Syscalls.anon(user, 1);
        user.store(a, new byte[] {1});
        int own = open(user, Syscalls.anon(user, 1), "/proc/self/pagemap");
        int pidfd = root.pidfdOpen(user.pid(), 0);
        int taken = root.pidfdGetfd(pidfd, own, 0);
        long buf = Syscalls.anon(root, 1);
        int mine = open(root, buf, "/proc/" + user.pid() + "/pagemap");
        byte[] entry = new byte[8];
        assertThat(root.pread(taken, buf, 8, a / PAGE_SIZE * 8)).isEqualTo(8);
        root.load(buf, entry);
        assertThat(entry).containsExactly(0, 0, 0, 0, 0, 0, 0, 0x81);
        assertThat(root.pread(mine, buf, 8, a / PAGE_SIZE * 8)).isEqualTo(8);
        root.load(buf, entry);
        assertThat(entry[0] | entry[1] | entry[2] | entry[3] | entry[4] | entry[5] | entry[6] & 0x7f)
                .as("the PFN shows").isNotZero();
        assertThat(root.fcntl(taken, F_GETFD, 0)).isEqualTo(FD_CLOEXEC);

        int rootPidfd = user.pidfdOpen(root.pid(), 0);
        Syscalls.assertErrno(Errno.EPERM, () -> user.pidfdGetfd(rootPidfd, mine, 0));
        Syscalls.assertErrno(Errno.EBADF, () -> root.pidfdGetfd(pidfd, 99, 0));
        Syscalls.assertErrno(Errno.EBADF, () -> root.pidfdGetfd(mine, own, 0));
        Syscalls.assertErrno(Errno.EINVAL, () -> root.pidfdGetfd(pidfd, own, 1));
        user.exit();
        Syscalls.assertErrno(Errno.ESRCH, () -> root.pidfdGetfd(pidfd, own, 0));
        kernel.checkInvariants();
    }
}
