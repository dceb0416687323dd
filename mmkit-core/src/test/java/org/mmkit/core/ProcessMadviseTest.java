package org.mmkit.core;

import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.iovecs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * process_madvise (mm/madvise.c). The access cases the kernel backend cannot run (an unprivileged
 * caller and a privileged target, two processes of different privilege) follow process_madvise's
 * mm_access with PTRACE_MODE_READ and its CAP_SYS_NICE check.
 */
class ProcessMadviseTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void anUnprivilegedCallerMayNotReadAPrivilegedProcess() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        long buf = anon(user, 1);
        iovecs(user, buf, buf, PAGE_SIZE);
        int fd = user.pidfdOpen(root.pid(), 0);
        // mm_access's EACCES comes before the advice and capability checks
        assertErrno(Errno.EACCES, () -> user.processMadvise(fd, buf, 1, MADV_DONTNEED, 0));
        assertErrno(Errno.EACCES, () -> user.processMadvise(fd, buf, 1, MADV_COLD, 0));
    }

    @Test
    void aPrivilegedCallerAdvisesAnUnprivilegedProcess() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        long theirs = anon(user, 2);
        user.store(theirs, new byte[] {42});
        long buf = anon(root, 1);
        iovecs(root, buf, theirs, 2 * PAGE_SIZE);
        int fd = root.pidfdOpen(user.pid(), 0);
        assertThat(root.processMadvise(fd, buf, 1, MADV_PAGEOUT, 0)).isEqualTo(2 * PAGE_SIZE);
        assertErrno(Errno.EINVAL, () -> root.processMadvise(fd, buf, 1, MADV_DONTNEED, 0));
        byte[] kept = new byte[1];
        user.load(theirs, kept);
        assertThat(kept).containsExactly(42);
        // the other way round: remote advice needs CAP_SYS_NICE
        long userBuf = anon(user, 1);
        iovecs(user, userBuf, buf, PAGE_SIZE);
        int rootFd = user.pidfdOpen(root.pid(), 0);
        assertErrno(Errno.EACCES, () -> user.processMadvise(rootFd, userBuf, 1, MADV_COLD, 0));
    }

    @Test
    void flagsAreAnUnsignedInt() {
        SimProcess p = kernel.newProcess(false);
        long a = anon(p, 1);
        iovecs(p, a, a, PAGE_SIZE);
        int fd = p.pidfdOpen(p.pid(), 0);
        assertThat(p.processMadvise(fd, a, 1, MADV_COLD, 1L << 32)).isEqualTo(PAGE_SIZE);
        assertErrno(Errno.EINVAL, () -> p.processMadvise(fd, a, 1, MADV_COLD, 1));
    }

    @Test
    void anExitedProcessIsEsrch() {
        SimProcess p = kernel.newProcess(true);
        long a = anon(p, 1);
        iovecs(p, a, a, PAGE_SIZE);
        SimProcess child = p.fork();
        int fd = p.pidfdOpen(child.pid(), 0);
        assertThat(p.processMadvise(fd, a, 1, MADV_COLD, 0)).isEqualTo(PAGE_SIZE);
        child.exit();
        assertErrno(Errno.ESRCH, () -> p.processMadvise(fd, a, 1, MADV_COLD, 0));
    }

    @Test
    void rangesAfterAFailureAreLeftAlone() {
        SimProcess p = kernel.newProcess(false);
        long a = anon(p, 3);
        p.store(a, new byte[3 * (int) PAGE_SIZE]);
        long iov = anon(p, 1);
        iovecs(p, iov, a, PAGE_SIZE, a + 1, PAGE_SIZE, a + 2 * PAGE_SIZE, PAGE_SIZE);
        int fd = p.pidfdOpen(p.pid(), 0);
        assertThat(p.processMadvise(fd, iov, 3, MADV_DONTNEED, 0)).isEqualTo(PAGE_SIZE);
        assertThat(p.mincore(a, 3 * PAGE_SIZE)).containsExactly(0, 1, 1);
    }
}
