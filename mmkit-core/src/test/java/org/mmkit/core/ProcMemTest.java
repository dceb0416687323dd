package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /proc/PID/mem} (fs/proc/base.c mem_open, mem_rw, mem_lseek) through open and pread. */
class ProcMemTest {
    private static final long RW = PROT_READ | PROT_WRITE;
    private static final long ANON = MAP_PRIVATE | MAP_ANONYMOUS;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());

    @AfterEach
    void close() {
        kernel.close();
    }

    /** Opens {@code path} in {@code p}, the path written into a page of its own memory. */
    private static int open(SimProcess p, String path, int flags) {
        long name = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        p.store(name, (path + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return p.openat(AT_FDCWD, name, flags, 0);
    }

    @Test
    void readsAnotherProcessThroughItsPid() {
        SimProcess p = kernel.newProcess(false);
        long a = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        p.store(a, new byte[] {1, 2, 3});
        SimProcess child = p.fork();
        p.store(a, new byte[] {9});
        long buf = child.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        int fd = open(child, "/proc/" + p.pid() + "/mem", O_RDONLY);
        assertThat(child.pread(fd, buf, 3, a)).isEqualTo(3);
        byte[] got = new byte[3];
        child.load(buf, got);
        assertThat(got).containsExactly(9, 2, 3);
        // the address space is bound at open: once it is gone, reads find nothing
        p.exit();
        assertThat(child.pread(fd, buf, 3, a)).isZero();
        kernel.checkInvariants();
    }

    @Test
    void forcedReadsOfProtNoneAndTheEdgesOfMappings() {
        SimProcess p = kernel.newProcess(false);
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_NONE, ANON, -1, 0);
        long buf = p.mmap(0, 2 * PAGE_SIZE, RW, ANON, -1, 0);
        int fd = open(p, "/proc/self/mem", O_RDONLY);
        assertThat(p.pread(fd, buf, 8, a)).isEqualTo(8);
        p.munmap(a + PAGE_SIZE, PAGE_SIZE);
        assertThat(p.pread(fd, buf, 2 * PAGE_SIZE, a + PAGE_SIZE - 5)).isEqualTo(5);
        assertThatThrownBy(() -> p.pread(fd, buf, 1, a + PAGE_SIZE)).isInstanceOf(ErrnoException.class)
                .hasFieldOrPropertyWithValue("errno", Errno.EIO);
        // the destination faults: EFAULT, even after bytes were read
        assertThatThrownBy(() -> p.pread(fd, a + PAGE_SIZE, 1, a)).isInstanceOf(ErrnoException.class)
                .hasFieldOrPropertyWithValue("errno", Errno.EFAULT);
        assertThat(p.lseek(fd, -4096, SEEK_SET)).isEqualTo(-4096); // offsets are unsigned addresses
        assertThatThrownBy(() -> p.lseek(fd, 0, SEEK_END)).isInstanceOf(ErrnoException.class);
        kernel.checkInvariants();
    }

    @Test
    void anUnprivilegedProcessCannotOpenAPrivilegedOnesMemory() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        assertThatThrownBy(() -> open(user, "/proc/" + root.pid() + "/mem", O_RDONLY)).isInstanceOf(ErrnoException.class)
                .hasFieldOrPropertyWithValue("errno", Errno.EACCES);
        assertThat(open(root, "/proc/" + user.pid() + "/mem", O_RDONLY)).isEqualTo(3);
    }

    /**
     * Following the magic link to a mem file reopens the same process's mem with the follower's
     * permission check (mem_open → proc_mem_open → mm_access): the privileged owner reopens it,
     * an unprivileged follower gets EACCES as a direct open of that mem does, also through an
     * O_PATH descriptor, whose own open checked nothing. (The kernel's own
     * check of following another process's fd link, proc_fd_access_allowed, is not modelled.)
     */
    @Test
    void aReopenThroughTheFdLinkChecksTheFollower() {
        SimProcess root = kernel.newProcess(true);
        SimProcess user = kernel.newProcess(false);
        long a = root.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        root.store(a, new byte[] {5, 6});
        int fd = open(root, "/proc/self/mem", O_RDONLY);
        int again = open(root, "/proc/self/fd/" + fd, O_RDONLY);
        byte[] got = new byte[2];
        long buf = root.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        assertThat(root.pread(again, buf, 2, a)).isEqualTo(2);
        root.load(buf, got);
        assertThat(got).containsExactly(5, 6);
        assertThatThrownBy(() -> open(user, "/proc/" + root.pid() + "/fd/" + fd, O_RDONLY))
                .isInstanceOf(ErrnoException.class).hasFieldOrPropertyWithValue("errno", Errno.EACCES);
        // an O_PATH open runs no mem_open: it checks nothing, and a reopen through it checks again
        int path = open(user, "/proc/" + root.pid() + "/mem", O_PATH);
        assertThatThrownBy(() -> open(user, "/proc/self/fd/" + path, O_RDONLY))
                .isInstanceOf(ErrnoException.class).hasFieldOrPropertyWithValue("errno", Errno.EACCES);
        kernel.checkInvariants();
    }

    @Test
    void aForcedWriteBreaksCowWhileThePteStaysReadOnly() {
        SimProcess p = kernel.newProcess(false);
        long a = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        p.store(a, new byte[] {1, 2, 3});
        SimProcess child = p.fork();
        p.mprotect(a, PAGE_SIZE, PROT_READ);
        long buf = p.mmap(0, PAGE_SIZE, RW, ANON, -1, 0);
        p.store(buf, new byte[] {7, 8});
        int fd = open(p, "/proc/self/mem", O_RDWR);
        assertThat(p.pwrite(fd, buf, 2, a + 1)).isEqualTo(2);
        byte[] got = new byte[3];
        p.load(a, got);
        assertThat(got).containsExactly(1, 7, 8);
        child.load(a, got);
        assertThat(got).containsExactly(1, 2, 3);
        // the process's own write still faults: do_wp_page made the copy without VM_WRITE
        assertThatThrownBy(() -> p.store(a, new byte[] {0}))
                .isInstanceOfSatisfying(MemoryFault.class, f -> assertThat(f.code()).isEqualTo(Signal.SEGV_ACCERR));
        kernel.checkInvariants();
    }

    @Test
    void aShortForcedWriteFaultsOnTheBytesItWouldTryNext() {
        // mem_rw copies the next chunk in from the first byte not written before it tries the
        // address again: a source buffer that ends right after the written part is EFAULT
        SimProcess p = kernel.newProcess(false);
        int fd = open(p, "/proc/self/mem", O_RDWR);
        long e = p.mmap(0, 2 * PAGE_SIZE, RW, ANON, -1, 0);
        p.munmap(e + PAGE_SIZE, PAGE_SIZE);
        long src = p.mmap(0, 2 * PAGE_SIZE, RW, ANON, -1, 0);
        p.munmap(src + PAGE_SIZE, PAGE_SIZE);
        assertThat(p.pwrite(fd, src, PAGE_SIZE, e + PAGE_SIZE - 4)).isEqualTo(4);
        assertThatThrownBy(() -> p.pwrite(fd, src, PAGE_SIZE + 8, e + PAGE_SIZE - 4))
                .isInstanceOfSatisfying(ErrnoException.class, x -> assertThat(x.errno()).isEqualTo(Errno.EFAULT));
    }
}
