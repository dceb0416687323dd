package org.mmkit.core;

import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.iovecs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * process_vm_readv and process_vm_writev (mm/process_vm_access.c). Cases the kernel backend cannot
 * run (a privileged target of an unprivileged caller, batches past 1024 pages in one call) follow
 * process_vm_rw_core's mm_access and process_vm_rw_single_vec's pin loop.
 */
class ProcessVmTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void aWriteBreaksCowInTheTargetOnly() {
        SimProcess p = kernel.newProcess(false);
        long buf = anon(p, 2);
        long iov = anon(p, 1);
        p.store(buf, "parent".getBytes());
        SimProcess child = p.fork();
        p.store(buf + PAGE_SIZE, "remote".getBytes());
        iovecs(p, iov, buf + PAGE_SIZE, 6, buf, 6);
        assertThat(p.processVmWritev(child.pid(), iov, 1, iov + 16, 1, 0)).isEqualTo(6);
        byte[] seen = new byte[6];
        child.load(buf, seen);
        assertThat(new String(seen)).isEqualTo("remote");
        p.load(buf, seen);
        assertThat(new String(seen)).isEqualTo("parent");
        kernel.checkInvariants();
    }

    @Test
    void batchesPastTheLimitOfOnePinMoveEveryByte() {
        SimProcess p = kernel.newProcess(false);
        long pages = 1100; // more than the 1024 pages one pin_user_pages_remote call takes here
        long src = anon(p, pages);
        long dst = anon(p, pages);
        long iov = anon(p, 1);
        byte[] pattern = new byte[(int) (pages * PAGE_SIZE)];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 31 + i / 4096);
        }
        SimProcess child = p.fork();
        child.store(src, pattern);
        iovecs(p, iov, dst + 3, pages * PAGE_SIZE - 3, src + 3, pages * PAGE_SIZE - 3);
        assertThat(p.processVmReadv(child.pid(), iov, 1, iov + 16, 1, 0)).isEqualTo(pages * PAGE_SIZE - 3);
        byte[] got = new byte[pattern.length - 3];
        p.load(dst + 3, got);
        assertThat(got).isEqualTo(Arrays.copyOfRange(pattern, 3, pattern.length));
    }

    @Test
    void ptraceAccessRule() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        long rootBuf = anon(root, 1);
        long userBuf = anon(user, 1);
        iovecs(user, userBuf, userBuf + 64, 8, rootBuf, 8);
        assertErrno(Errno.EPERM, () -> user.processVmReadv(root.pid(), userBuf, 1, userBuf + 16, 1, 0));
        assertErrno(Errno.EPERM, () -> user.processVmWritev(root.pid(), userBuf, 1, userBuf + 16, 1, 0));
        iovecs(root, rootBuf, rootBuf + 64, 8, userBuf + 64, 8);
        user.store(userBuf + 64, "unpriv!!".getBytes());
        assertThat(root.processVmReadv(user.pid(), rootBuf, 1, rootBuf + 16, 1, 0)).isEqualTo(8);
        byte[] seen = new byte[8];
        root.load(rootBuf + 64, seen);
        assertThat(new String(seen)).isEqualTo("unpriv!!");
    }

    @Test
    void anExitedOrUnknownProcessIsEsrch() {
        SimProcess p = kernel.newProcess(false);
        long buf = anon(p, 1);
        iovecs(p, buf, buf + 64, 8, buf + 64, 8);
        SimProcess child = p.fork();
        int childPid = child.pid();
        child.exit();
        assertErrno(Errno.ESRCH, () -> p.processVmReadv(childPid, buf, 1, buf + 16, 1, 0));
        assertErrno(Errno.ESRCH, () -> p.processVmReadv(p.pid() + 100, buf, 1, buf + 16, 1, 0));
        // pid_t: the upper half of the register is not looked at
        assertThat(p.processVmReadv((1L << 32) | p.pid(), buf, 1, buf + 16, 1, 0)).isEqualTo(8);
    }

    @Test
    void aReadOfAPageCowSharedWithTheParentLeavesBothIntact() {
        SimProcess p = kernel.newProcess(false);
        long buf = anon(p, 2);
        p.store(buf, new byte[] {1, 2, 3, 4});
        SimProcess child = p.fork();
        long iov = anon(p, 1);
        iovecs(p, iov, buf + PAGE_SIZE, 4, buf, 4);
        assertThat(p.processVmReadv(child.pid(), iov, 1, iov + 16, 1, 0)).isEqualTo(4);
        child.store(buf, new byte[] {9});
        byte[] mine = new byte[4];
        p.load(buf + PAGE_SIZE, mine);
        assertThat(mine).containsExactly(1, 2, 3, 4);
        p.load(buf, mine);
        assertThat(mine).containsExactly(1, 2, 3, 4);
        kernel.checkInvariants();
    }
}
