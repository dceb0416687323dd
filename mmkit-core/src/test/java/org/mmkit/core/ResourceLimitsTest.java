package org.mmkit.core;

import static org.mmkit.core.Syscalls.errnoOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.RlimitLayout;

/**
 * getrlimit, setrlimit and prlimit64 and the limits' effects ({@code kernel/sys.c},
 * {@code mm/mmap.c may_expand_vm}). scenarios/limits/ compares what the kernel can show; these
 * tests add what it cannot here: a privileged process raising its hard limit (this machine's root
 * lacks CAP_SYS_RESOURCE), another process's limits by pid (pids differ between backends), and
 * exact limits without the kernel backend's own image in the count.
 */
class ResourceLimitsTest {
    private static final long ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    private static final long RW = PROT_READ | PROT_WRITE;
    private static final long MIB = 1L << 20;

    private static void setLimit(SimProcess p, long buf, int resource, long soft, long hard) {
        p.storeLong(buf + RlimitLayout.CUR_OFFSET, soft);
        p.storeLong(buf + RlimitLayout.MAX_OFFSET, hard);
        p.setrlimit(resource, buf);
    }

    @Test
    void privilegedProcessesMayRaiseTheHardLimitAndUnprivilegedOnesMayNot() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess root = kernel.newProcess(true);
            long buf = root.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            setLimit(root, buf, RLIMIT_MEMLOCK, 16 * MIB, 64 * MIB);
            root.getrlimit(RLIMIT_MEMLOCK, buf + 16);
            assertThat(root.loadLong(buf + 16 + RlimitLayout.MAX_OFFSET)).isEqualTo(64 * MIB);

            SimProcess user = kernel.newProcess(false);
            long ubuf = user.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            assertThat(errnoOf(() -> setLimit(user, ubuf, RLIMIT_MEMLOCK, 8 * MIB, 9 * MIB))).isEqualTo(Errno.EPERM);
            assertThat(errnoOf(() -> setLimit(user, ubuf, RLIMIT_MEMLOCK, 9 * MIB, 8 * MIB))).isEqualTo(Errno.EINVAL);
        }
    }

    @Test
    void prlimitReachesOtherProcessesByPidUnlessAnUnprivilegedOneAimsAtAPrivilegedOne() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess root = kernel.newProcess(true);
            SimProcess user = kernel.newProcess(false);
            long buf = root.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            long ubuf = user.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            root.storeLong(buf, PAGE_SIZE);
            root.storeLong(buf + 8, PAGE_SIZE);
            root.prlimit64(user.pid(), RLIMIT_MEMLOCK, buf, buf + 16);
            assertThat(root.loadLong(buf + 16)).isEqualTo(8 * MIB);
            assertThat(errnoOf(() -> user.mlock(ubuf, 2 * PAGE_SIZE))).isEqualTo(Errno.ENOMEM);
            user.storeLong(ubuf, 0);
            user.storeLong(ubuf + 8, 0);
            assertThat(errnoOf(() -> user.prlimit64(root.pid(), RLIMIT_MEMLOCK, ubuf, 0))).isEqualTo(Errno.EPERM);
            assertThat(errnoOf(() -> user.prlimit64(9999, RLIMIT_MEMLOCK, 0, ubuf))).isEqualTo(Errno.ESRCH);
        }
    }

    @Test
    void aResourceTheModelDoesNotKeepIsRefusedByName() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long buf = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            assertThatThrownBy(() -> p.getrlimit(3, buf)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("resource limit 3 is not modelled");
            assertThat(errnoOf(() -> p.getrlimit(RLIM_NLIMITS, buf))).isEqualTo(Errno.EINVAL);
        }
    }

    /** may_expand_vm counts exactly: the limit itself fits, one page more does not. */
    @Test
    void addressSpaceAndDataLimitsAreExactToThePage() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long buf = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            setLimit(p, buf, RLIMIT_AS, 16 * PAGE_SIZE, RLIM_INFINITY);
            p.mmap(0, 15 * PAGE_SIZE, PROT_READ, ANON, -1, 0);
            assertThat(errnoOf(() -> p.mmap(0, PAGE_SIZE, PROT_READ, ANON, -1, 0))).isEqualTo(Errno.ENOMEM);
            assertThat(p.brk(0) + PAGE_SIZE).isEqualTo(p.brk(p.brk(0) + PAGE_SIZE) + PAGE_SIZE);

            SimProcess q = kernel.newProcess(false);
            long qbuf = q.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            setLimit(q, qbuf, RLIMIT_DATA, 4 * PAGE_SIZE, 4 * PAGE_SIZE);
            long a = q.mmap(0, 3 * PAGE_SIZE, RW, ANON, -1, 0);
            assertThat(errnoOf(() -> q.mmap(0, PAGE_SIZE, RW, ANON, -1, 0))).isEqualTo(Errno.ENOMEM);
            q.mprotect(a, PAGE_SIZE, PROT_READ);
            q.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        }
    }

    @Test
    void forkCopiesTheLimitsAndTheChildChangesOnlyItsOwn() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(false);
            long buf = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
            setLimit(p, buf, RLIMIT_AS, 64 * MIB, 128 * MIB);
            SimProcess child = p.fork();
            setLimit(child, buf, RLIMIT_AS, 32 * MIB, 32 * MIB);
            p.getrlimit(RLIMIT_AS, buf);
            assertThat(p.loadLong(buf)).isEqualTo(64 * MIB);
            assertThat(p.loadLong(buf + 8)).isEqualTo(128 * MIB);
            child.getrlimit(RLIMIT_AS, buf);
            assertThat(child.loadLong(buf + 8)).isEqualTo(32 * MIB);
        }
    }
}
