package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PollfdLayout;
import org.mmkit.core.abi.Scalars;

/**
 * Descriptors, open files, read/write/lseek/ioctl/fcntl through the public API. Each case is also
 * a scenario under scenarios/files/ checked against the kernel with {@code mmkit diff}.
 */
class FilesTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.checkInvariants();
        kernel.close();
    }

    private long anon(long pages) {
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    private static Errno errno(Runnable call) {
        try {
            call.run();
        } catch (ErrnoException e) {
            return e.errno();
        }
        throw new AssertionError("no error");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void descriptorsAreTheLowestFreeFromThree() {
        int a = UserStrings.memfd(p, "a", 0);
        int b = UserStrings.memfd(p, "b", 0);
        assertThat(a).isEqualTo(3);
        assertThat(b).isEqualTo(4);
        p.close(a);
        assertThat(UserStrings.memfd(p, "c", 0)).isEqualTo(3);
        assertThat(errno(() -> p.close(a + 10))).isEqualTo(Errno.EBADF);
    }

    @Test
    void writeGrowsTheFileAndReadStopsAtEof() {
        int fd = UserStrings.memfd(p, "f", 0);
        long buf = anon(1);
        p.store(buf, bytes("hello"));
        assertThat(p.write(fd, buf, 5)).isEqualTo(5);
        assertThat(p.lseek(fd, 0, SEEK_CUR)).isEqualTo(5);
        assertThat(p.lseek(fd, 0, SEEK_SET)).isZero();
        assertThat(p.read(fd, buf + 100, 4096)).isEqualTo(5);
        byte[] back = new byte[5];
        p.load(buf + 100, back);
        assertThat(back).isEqualTo(bytes("hello"));
        assertThat(p.read(fd, buf, 10)).isZero();
        // a shared mapping of the file sees the written bytes
        long m = p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
        p.load(m, back);
        assertThat(back).isEqualTo(bytes("hello"));
    }

    @Test
    void readOfAHoleGivesZerosWithoutAllocating() {
        int fd = UserStrings.memfd(p, "f", 0);
        p.ftruncate(fd, 2 * PAGE_SIZE);
        long buf = anon(2);
        p.store(buf, new byte[] {7});
        assertThat(p.read(fd, buf, 2 * PAGE_SIZE)).isEqualTo(2 * PAGE_SIZE);
        assertThat(p.loadLong(buf)).isZero();
        assertThat(qsize(fd, buf)).isZero();
    }

    private long qsize(int fd, long buf) {
        assertThat(p.ioctl(fd, FIOQSIZE, buf)).isZero();
        return p.loadLong(buf);
    }

    @Test
    void shortCopiesReturnTheBytesDoneOrEfault() {
        int fd = UserStrings.memfd(p, "f", 0);
        p.ftruncate(fd, 3 * PAGE_SIZE);
        long buf = anon(2);
        p.munmap(buf + PAGE_SIZE, PAGE_SIZE);
        // the buffer ends 100 bytes into its page: the read copies those and stops
        assertThat(p.read(fd, buf + PAGE_SIZE - 100, 200)).isEqualTo(100);
        assertThat(p.lseek(fd, 0, SEEK_CUR)).isEqualTo(100);
        assertThat(errno(() -> p.read(fd, buf + PAGE_SIZE, 10))).isEqualTo(Errno.EFAULT);
        assertThat(p.write(fd, buf + PAGE_SIZE - 100, 200)).isEqualTo(100);
        assertThat(errno(() -> p.write(fd, buf + PAGE_SIZE, 10))).isEqualTo(Errno.EFAULT);
        // a read-only buffer cannot take a read
        p.mprotect(buf, PAGE_SIZE, PROT_READ);
        assertThat(errno(() -> p.read(fd, buf, 10))).isEqualTo(Errno.EFAULT);
    }

    @Test
    void readBreaksCopyOnWriteOfTheBuffer() {
        int fd = UserStrings.memfd(p, "f", 0);
        long buf = anon(1);
        p.store(buf, bytes("ab"));
        SimProcess child = p.fork();
        assertThat(p.write(fd, buf, 2)).isEqualTo(2);
        p.lseek(fd, 0, SEEK_SET);
        p.store(buf, bytes("xy"));
        assertThat(child.read(fd, buf, 2)).isEqualTo(2); // the child shares the file position: EOF
        child.lseek(fd, 0, SEEK_SET);
        p.store(buf, bytes("zz"));
        assertThat(child.read(fd, buf, 2)).isEqualTo(2);
        byte[] back = new byte[2];
        child.load(buf, back);
        assertThat(back).isEqualTo(bytes("ab"));
        p.load(buf, back);
        assertThat(back).isEqualTo(bytes("zz"));
    }

    @Test
    void forkSharesTheOpenFileAndItsPosition() {
        int fd = UserStrings.memfd(p, "f", MFD_CLOEXEC);
        SimProcess child = p.fork();
        assertThat(child.lseek(fd, 7, SEEK_SET)).isEqualTo(7);
        assertThat(p.lseek(fd, 0, SEEK_CUR)).isEqualTo(7);
        assertThat(child.fcntl(fd, F_GETFD, 0)).isEqualTo(FD_CLOEXEC);
        child.close(fd);
        assertThat(p.lseek(fd, 0, SEEK_CUR)).isEqualTo(7);
        assertThat(errno(() -> child.lseek(fd, 0, SEEK_CUR))).isEqualTo(Errno.EBADF);
    }

    @Test
    void lseekRules() {
        int fd = UserStrings.memfd(p, "f", 0);
        p.ftruncate(fd, 100);
        assertThat(p.lseek(fd, -10, SEEK_END)).isEqualTo(90);
        assertThat(p.lseek(fd, PAGE_SIZE, SEEK_SET)).isEqualTo(PAGE_SIZE);
        assertThat(errno(() -> p.lseek(fd, -1, SEEK_SET))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> p.lseek(fd, 0, 5))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> p.lseek(fd, Long.MAX_VALUE, SEEK_END))).isEqualTo(Errno.EINVAL);
        // data and holes: a fallocated page is a hole until written, EOF is a hole
        p.ftruncate(fd, 4 * PAGE_SIZE);
        p.fallocate(fd, 0, PAGE_SIZE, PAGE_SIZE);
        assertThat(errno(() -> p.lseek(fd, 0, SEEK_DATA))).isEqualTo(Errno.ENXIO);
        long m = p.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        p.store(m + 2 * PAGE_SIZE, new byte[] {1});
        assertThat(p.lseek(fd, 0, SEEK_DATA)).isEqualTo(2 * PAGE_SIZE);
        assertThat(p.lseek(fd, 2 * PAGE_SIZE + 1, SEEK_HOLE)).isEqualTo(3 * PAGE_SIZE);
        assertThat(errno(() -> p.lseek(fd, 4 * PAGE_SIZE, SEEK_HOLE))).isEqualTo(Errno.ENXIO);
    }

    @Test
    void genericIoctls() {
        int fd = UserStrings.memfd(p, "f", 0);
        long buf = anon(1);
        assertThat(p.fcntl(fd, F_GETFD, 0)).isZero();
        assertThat(p.ioctl(fd, FIOCLEX, 0)).isZero();
        assertThat(p.fcntl(fd, F_GETFD, 0)).isEqualTo(FD_CLOEXEC);
        assertThat(p.ioctl(fd, FIONCLEX, 0)).isZero();
        assertThat(p.fcntl(fd, F_GETFD, 0)).isZero();

        assertThat(p.fcntl(fd, F_GETFL, 0)).isEqualTo(O_RDWR | O_LARGEFILE);
        p.store(buf, Scalars.INT.bytes(1));
        assertThat(p.ioctl(fd, FIONBIO, buf)).isZero();
        assertThat(p.fcntl(fd, F_GETFL, 0)).isEqualTo(O_RDWR | O_LARGEFILE | O_NONBLOCK);
        // shmem has no ->fasync: turning FASYNC on fails, leaving it off succeeds
        assertThat(errno(() -> p.ioctl(fd, FIOASYNC, buf))).isEqualTo(Errno.ENOTTY);
        p.store(buf, Scalars.INT.bytes(0));
        assertThat(p.ioctl(fd, FIOASYNC, buf)).isZero();
        assertThat(p.ioctl(fd, FIONBIO, buf)).isZero();
        assertThat(p.fcntl(fd, F_GETFL, 0)).isEqualTo(O_RDWR | O_LARGEFILE);

        p.ftruncate(fd, 3 * PAGE_SIZE + 5);
        p.lseek(fd, 5, SEEK_SET);
        assertThat(p.ioctl(fd, FIONREAD, buf)).isZero();
        byte[] n = new byte[4];
        p.load(buf, n);
        assertThat(Scalars.INT.read(n, 0)).isEqualTo(3 * PAGE_SIZE);
        p.lseek(fd, 3 * PAGE_SIZE + 10, SEEK_SET);
        p.ioctl(fd, FIONREAD, buf);
        p.load(buf, n);
        assertThat(Scalars.INT.read(n, 0)).isEqualTo(-5);

        p.fallocate(fd, 0, 0, 2 * PAGE_SIZE);
        assertThat(qsize(fd, buf)).isEqualTo(2 * PAGE_SIZE);

        assertThat(errno(() -> p.ioctl(fd, 0x1234, buf))).isEqualTo(Errno.ENOTTY);
        assertThat(errno(() -> p.ioctl(fd, FIOQSIZE, 0))).isEqualTo(Errno.EFAULT);
        assertThat(errno(() -> p.ioctl(fd, FIONBIO, 0))).isEqualTo(Errno.EFAULT);
        assertThat(errno(() -> p.ioctl(fd + 1, FIOCLEX, 0))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> p.fcntl(fd, 1234, 0))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void pollAsksEachFileAndWritesBackOnlyRevents() {
        int fd = UserStrings.memfd(p, "f", 0);
        long buf = anon(1);
        byte[] fds = new byte[3 * PollfdLayout.SIZE];
        Scalars.FD.write(fds, PollfdLayout.FD_OFFSET, fd);
        Scalars.SHORT_FLAGS.write(fds, PollfdLayout.EVENTS_OFFSET, POLLIN | POLLPRI);
        Scalars.FD.write(fds, 8 + PollfdLayout.FD_OFFSET, fd + 1);
        Scalars.FD.write(fds, 16 + PollfdLayout.FD_OFFSET, -1);
        Scalars.SHORT_FLAGS.write(fds, 16 + PollfdLayout.REVENTS_OFFSET, 0x7);
        p.store(buf, fds);
        assertThat(p.poll(buf, 3, -1)).isEqualTo(2);
        byte[] back = new byte[fds.length];
        p.load(buf, back);
        assertThat(Scalars.SHORT_FLAGS.read(back, PollfdLayout.REVENTS_OFFSET)).isEqualTo(POLLIN);
        assertThat(Scalars.SHORT_FLAGS.read(back, 8 + PollfdLayout.REVENTS_OFFSET)).isEqualTo(POLLNVAL);
        assertThat(Scalars.SHORT_FLAGS.read(back, 16 + PollfdLayout.REVENTS_OFFSET)).isZero();
        assertThat(Scalars.SHORT_FLAGS.read(back, PollfdLayout.EVENTS_OFFSET)).isEqualTo(POLLIN | POLLPRI);
        assertThat(errno(() -> p.poll(0, 1, 0))).isEqualTo(Errno.EFAULT);
        assertThat(errno(() -> p.poll(buf, 1025, 0))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void memfdNamesAreCStringsMeasuredInUtf8Bytes() {
        int fd = UserStrings.memfd(p, "ab\0cd", 0);
        p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
        assertThat(p.maps()).contains("/memfd:ab (deleted)").doesNotContain("cd");
        // the limit counts the bytes before the NUL
        assertThat(UserStrings.memfd(p, "a\0" + "x".repeat(300), 0)).isPositive();
        assertThat(UserStrings.memfd(p, "x".repeat(249), 0)).isPositive();
        assertThat(errno(() -> UserStrings.memfd(p, "x".repeat(250), 0))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> UserStrings.memfd(p, "é".repeat(125), 0))).isEqualTo(Errno.EINVAL);
        assertThat(UserStrings.memfd(p, "é".repeat(124), 0)).isPositive();
        // a null name is a NULL pointer; bad flags are checked before the name
        assertThat(errno(() -> p.memfdCreate(0, 0))).isEqualTo(Errno.EFAULT);
        assertThat(errno(() -> p.memfdCreate(0, 0x100))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void exitClosesEveryDescriptorAndFreesTheFile() {
        SimProcess q = kernel.newProcess(true);
        int fd = UserStrings.memfd(q, "f", 0);
        long buf = q.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        q.store(buf, new byte[] {1});
        assertThat(q.write(fd, buf, PAGE_SIZE)).isEqualTo(PAGE_SIZE);
        q.exit();
        kernel.checkInvariants(); // the file's page went with the last descriptor
    }
}
