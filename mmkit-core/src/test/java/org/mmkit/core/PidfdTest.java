package org.mmkit.core;

import static org.mmkit.core.Syscalls.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pidfd_open (kernel/pid.c), a pidfd's poll (fs/pidfs.c) and process_mrelease (mm/oom_kill.c). */
class PidfdTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(false);

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void opensADescriptorOfALiveProcess() {
        SimProcess child = p.fork();
        int fd = p.pidfdOpen(child.pid(), PIDFD_NONBLOCK);
        assertThat(fd).isEqualTo(3);
        assertThat(p.fcntl(fd, F_GETFD, 0)).isEqualTo(FD_CLOEXEC);
        assertThat(p.fcntl(fd, F_GETFL, 0)).isEqualTo(O_RDWR | O_NONBLOCK);
        // pid_t: only the low 32 bits of the argument count
        assertThat(p.pidfdOpen((1L << 32) | child.pid(), 0)).isEqualTo(4);
    }

    @Test
    void refusals() {
        assertErrno(Errno.EINVAL, () -> p.pidfdOpen(p.pid(), 2));
        assertErrno(Errno.EINVAL, () -> p.pidfdOpen(0, 0));
        assertErrno(Errno.EINVAL, () -> p.pidfdOpen(-5, 0));
        assertErrno(Errno.ESRCH, () -> p.pidfdOpen(p.pid() + 100, 0));
        SimProcess child = p.fork();
        int childPid = child.pid();
        child.exit();
        assertErrno(Errno.ESRCH, () -> p.pidfdOpen(childPid, 0));
    }

    @Test
    void pollShowsTheExitAndMreleaseFindsNoTask() {
        SimProcess child = p.fork();
        int fd = p.pidfdOpen(child.pid(), 0);
        long buf = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        p.store(buf, new byte[] {(byte) fd, 0, 0, 0, (byte) POLLIN, 0, 0, 0});
        assertThat(p.poll(buf, 1, 0)).isZero();
        assertErrno(Errno.EINVAL, () -> p.processMrelease(fd, 0));
        assertErrno(Errno.EINVAL, () -> p.processMrelease(fd, 1));
        child.exit();
        assertThat(p.poll(buf, 1, 0)).isEqualTo(1);
        byte[] revents = new byte[2];
        p.load(buf + 6, revents);
        // do_pollfd keeps what was asked for, and a hang-up always
        assertThat(revents[0]).isEqualTo((byte) (POLLIN | POLLHUP));
        assertErrno(Errno.ESRCH, () -> p.processMrelease(fd, 0));
        int memfd = UserStrings.memfd(p, "x", 0);
        assertErrno(Errno.EBADF, () -> p.processMrelease(memfd, 0));
        assertErrno(Errno.EBADF, () -> p.processMrelease(77, 0));
    }

    @Test
    void aPidfdCannotBeReadWrittenOrMapped() {
        int fd = p.pidfdOpen(p.pid(), PIDFD_THREAD);
        long buf = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assertErrno(Errno.EINVAL, () -> p.read(fd, buf, 8));
        assertErrno(Errno.EINVAL, () -> p.write(fd, buf, 8));
        assertErrno(Errno.ENODEV, () -> p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0));
        p.close(fd);
        kernel.checkInvariants();
    }
}
