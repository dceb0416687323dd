package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.IovecLayout;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.StatLayout;

/**
 * Files by path, access modes, vector I/O and pipes through the public API. The same behaviour is
 * checked against the kernel by the scenarios of scenarios/files/ under {@code mmkit diff}.
 */
class FilesByPathTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final long buf = p.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    @AfterEach
    void close() {
        kernel.checkInvariants();
        kernel.close();
    }

    /** Stores {@code text} with a NUL at the end of the buffer's last page and returns its address. */
    private long path(String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        long at = buf + 4 * PAGE_SIZE - bytes.length;
        p.store(at, bytes);
        return at;
    }

    private static Errno errno(Runnable call) {
        try {
            call.run();
        } catch (ErrnoException e) {
            return e.errno();
        }
        throw new AssertionError("no error");
    }

    private long stat(int fd, int offset) {
        p.fstat(fd, buf);
        byte[] st = new byte[StatLayout.SIZE];
        p.load(buf, st);
        return Scalars.LONG.read(st, offset);
    }

    @Test
    void aCreatedFileOutlivesItsDescriptorsAndItsNameWhileMapped() {
        int fd = p.openat(AT_FDCWD, path("f"), O_RDWR | O_CREAT | O_EXCL, 0666);
        assertThat(stat(fd, StatLayout.MODE_OFFSET) & 0xffffffffL).isEqualTo(S_IFREG | 0644);
        p.ftruncate(fd, PAGE_SIZE);
        long m = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        p.storeLong(m, 0x1122334455667788L);
        p.close(fd);
        assertThat(p.maps()).contains(SimProcess.WORKING_DIRECTORY + "/f\n");
        p.unlinkat(AT_FDCWD, path("f"), 0);
        assertThat(p.maps()).contains(SimProcess.WORKING_DIRECTORY + "/f (deleted)\n");
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f"), O_RDONLY, 0))).isEqualTo(Errno.ENOENT);
        assertThat(p.loadLong(m)).isEqualTo(0x1122334455667788L);
        p.munmap(m, PAGE_SIZE);
    }

    @Test
    void theAccessModeDecidesReadsWritesAndMappings() {
        int rw = p.openat(AT_FDCWD, path("f"), O_RDWR | O_CREAT, 0600);
        p.ftruncate(rw, PAGE_SIZE);
        int r = p.openat(AT_FDCWD, path("/proc/self/fd/" + rw), O_RDONLY, 0);
        int w = p.openat(AT_FDCWD, path("f"), O_WRONLY, 0);
        assertThat(errno(() -> p.write(r, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> p.read(w, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> p.ftruncate(r, 0))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> p.fallocate(r, 0, 0, 1))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, r, 0))).isEqualTo(Errno.EACCES);
        assertThat(errno(() -> p.mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, w, 0))).isEqualTo(Errno.EACCES);
        long ro = p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, r, 0);
        assertThat(errno(() -> p.mprotect(ro, PAGE_SIZE, PROT_READ | PROT_WRITE))).isEqualTo(Errno.EACCES);
        int path = p.openat(AT_FDCWD, path("f"), O_PATH, 0);
        assertThat(errno(() -> p.read(path, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(stat(path, StatLayout.SIZE_OFFSET)).isEqualTo(PAGE_SIZE);
    }

    @Test
    void appendingWritesGoToTheEndAndPositionalOnesLeaveThePosition() {
        int fd = p.openat(AT_FDCWD, path("log"), O_RDWR | O_CREAT | O_APPEND, 0600);
        p.store(buf, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.write(fd, buf, 3)).isEqualTo(3);
        p.lseek(fd, 0, SEEK_SET);
        assertThat(p.pwrite(fd, buf, 2, 0)).isEqualTo(2);
        assertThat(p.lseek(fd, 0, SEEK_CUR)).isZero();
        assertThat(p.lseek(fd, 0, SEEK_END)).isEqualTo(5);
    }

    @Test
    void aVectorReadStopsAtTheFirstBufferThatFaults() {
        int fd = p.openat(AT_FDCWD, path("f"), O_RDWR | O_CREAT, 0600);
        p.ftruncate(fd, 100);
        long iov = buf + PAGE_SIZE;
        byte[] vector = new byte[2 * IovecLayout.SIZE];
        Scalars.U64.write(vector, 0, buf);
        Scalars.U64.write(vector, 8, 10);
        Scalars.U64.write(vector, 16, buf + 3 * PAGE_SIZE);
        Scalars.U64.write(vector, 24, 10);
        p.store(iov, vector);
        p.mprotect(buf + 3 * PAGE_SIZE, PAGE_SIZE, PROT_READ);
        assertThat(p.readv(fd, iov, 2)).isEqualTo(10);
        assertThat(p.lseek(fd, 0, SEEK_CUR)).isEqualTo(10);
        assertThat(errno(() -> p.readv(fd, iov, UIO_MAXIOV + 1))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> p.preadv(fd, iov, 1, -1))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void aPipeCarriesBytesUntilItsWriterCloses() {
        p.pipe2(buf, O_NONBLOCK);
        byte[] fds = new byte[8];
        p.load(buf, fds);
        int readEnd = (int) Scalars.INT.read(fds, 0);
        int writeEnd = (int) Scalars.INT.read(fds, 4);
        assertThat(errno(() -> p.read(readEnd, buf + PAGE_SIZE, 1))).isEqualTo(Errno.EAGAIN);
        p.store(buf + 100, "pipe".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.write(writeEnd, buf + 100, 4)).isEqualTo(4);
        assertThat(errno(() -> p.pread(readEnd, buf, 1, 0))).isEqualTo(Errno.ESPIPE);
        p.close(writeEnd);
        assertThat(p.read(readEnd, buf + PAGE_SIZE, 10)).isEqualTo(4);
        assertThat(p.read(readEnd, buf + PAGE_SIZE, 10)).isZero();
        p.pipe2(buf, 0);
        p.close(readEnd);
        p.load(buf, fds);
        int lonelyWriter = (int) Scalars.INT.read(fds, 4);
        p.close((int) Scalars.INT.read(fds, 0));
        assertThat(errno(() -> p.write(lonelyWriter, buf, 1))).isEqualTo(Errno.EPIPE);
    }

    @Test
    void aPathLeavingTheWorkingDirectoryIsAClearError() {
        assertThatThrownBy(() -> p.openat(AT_FDCWD, path("../x"), O_RDONLY, 0))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("leaves the working directory");
        assertThat(errno(() -> p.openat(AT_FDCWD, 0, O_RDONLY, 0))).isEqualTo(Errno.EFAULT);
        assertThatThrownBy(() -> p.openat(AT_FDCWD, path("/etc/passwd"), O_RDONLY, 0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTmpfileIsAnUnnamedFileOfTheDirectoryThatNeedsWriteAccess() {
        assertThat(errno(() -> p.openat(AT_FDCWD, path("."), O_TMPFILE | O_RDONLY, 0600))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("."), O_TMPFILE | O_RDWR | O_CREAT, 0600))).isEqualTo(Errno.EINVAL);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("none"), O_TMPFILE | O_RDWR, 0600))).isEqualTo(Errno.ENOENT);
        p.close(p.openat(AT_FDCWD, path("f"), O_RDWR | O_CREAT, 0600));
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f"), O_TMPFILE | O_RDWR, 0600))).isEqualTo(Errno.ENOTDIR);
        int fd = p.openat(AT_FDCWD, path("./"), O_TMPFILE | O_WRONLY, 0640);
        assertThat(stat(fd, StatLayout.MODE_OFFSET) & 0xffffffffL).isEqualTo(S_IFREG | 0640);
        assertThat(stat(fd, StatLayout.NLINK_OFFSET)).isZero();
        p.ftruncate(fd, PAGE_SIZE);
        p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, p.openat(AT_FDCWD, path("/proc/self/fd/" + fd), O_RDONLY, 0), 0);
        assertThat(p.maps()).containsPattern(SimProcess.WORKING_DIRECTORY + "/#[0-9]+ \\(deleted\\)\n");
        // O_PATH drops O_TMPFILE's own bit and keeps O_DIRECTORY: the directory itself
        int path = p.openat(AT_FDCWD, path("."), O_TMPFILE | O_PATH, 0);
        assertThat(stat(path, StatLayout.MODE_OFFSET) & S_IFMT).isEqualTo(S_IFDIR);
    }

    @Test
    void componentsAreWalkedInOrderAndATrailingSlashWantsADirectory() {
        int fd = p.openat(AT_FDCWD, path("f"), O_RDWR | O_CREAT, 0600);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f/"), O_RDONLY, 0))).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f/"), O_RDWR | O_CREAT, 0600))).isEqualTo(Errno.EISDIR);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("g/"), O_RDWR | O_CREAT, 0600))).isEqualTo(Errno.EISDIR);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("g/"), O_RDONLY, 0))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f/."), O_RDONLY, 0))).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f/.."), O_RDONLY, 0))).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("g/../f"), O_RDONLY, 0))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("f/"), O_PATH, 0))).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(() -> p.unlinkat(AT_FDCWD, path("f/"), 0))).isEqualTo(Errno.ENOTDIR);
        assertThat(errno(() -> p.unlinkat(AT_FDCWD, path("g/"), 0))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("/proc/self/fd/" + fd + "/"), O_RDONLY, 0))).isEqualTo(Errno.ENOTDIR);
        p.close(p.openat(AT_FDCWD, path("././/f"), O_RDONLY, 0));
    }

    @Test
    void reopeningAPipeOpensItsFifoInTheModeAsked() {
        long fds = buf + PAGE_SIZE;
        p.pipe2(fds, 0);
        byte[] pair = new byte[8];
        p.load(fds, pair);
        int readEnd = (int) Scalars.INT.read(pair, 0);
        int writeEnd = (int) Scalars.INT.read(pair, 4);
        int both = p.openat(AT_FDCWD, path("/proc/self/fd/" + readEnd), O_RDWR, 0);
        assertThat(p.fcntl(both, F_GETFL, 0)).isEqualTo(O_RDWR | O_LARGEFILE);
        p.store(buf, new byte[] {1, 2});
        assertThat(p.write(both, buf, 2)).isEqualTo(2);
        assertThat(p.read(readEnd, buf + 8, 2)).isEqualTo(2);
        p.close(writeEnd);
        // the reopened end still writes: a read of the empty pipe would wait, not see EOF
        p.fcntl(readEnd, F_SETFL, O_NONBLOCK);
        assertThat(errno(() -> p.read(readEnd, buf, 1))).isEqualTo(Errno.EAGAIN);
        p.close(both);
        assertThat(p.read(readEnd, buf, 1)).isZero();
        assertThat(errno(() -> p.openat(AT_FDCWD, path("/proc/self/fd/" + readEnd), O_RDONLY | O_CREAT | O_EXCL, 0)))
                .isEqualTo(Errno.EEXIST);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("/proc/self/fd/" + readEnd), O_RDONLY | O_DIRECTORY, 0)))
                .isEqualTo(Errno.ENOTDIR);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("/proc/self/fd/" + readEnd), O_RDWR | O_WRONLY, 0)))
                .isEqualTo(Errno.EINVAL);
    }

    @Test
    void descriptorsStopAtTheSoftNofileLimit() {
        long limits = buf + PAGE_SIZE;
        p.getrlimit(RLIMIT_NOFILE, limits);
        assertThat(p.loadLong(limits)).isEqualTo(1024);
        assertThat(p.loadLong(limits + 8)).isEqualTo(4096);
        p.storeLong(limits, 6);
        p.setrlimit(RLIMIT_NOFILE, limits);
        int a = p.openat(AT_FDCWD, path("a"), O_RDWR | O_CREAT, 0600);
        int b = p.dup(a);
        p.fcntl(a, F_DUPFD, 0);
        assertThat(b).isEqualTo(4);
        assertThat(errno(() -> p.dup(a))).isEqualTo(Errno.EMFILE);
        assertThat(errno(() -> p.openat(AT_FDCWD, path("none"), O_RDONLY, 0))).isEqualTo(Errno.EMFILE);
        assertThat(errno(() -> UserStrings.memfd(p, "m", 0))).isEqualTo(Errno.EMFILE);
        assertThat(errno(() -> p.dup2(a, 6))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> p.fcntl(a, F_DUPFD, 6))).isEqualTo(Errno.EINVAL);
        p.close(b);
        // a pipe needs two descriptors: with one free, neither is installed
        assertThat(errno(() -> p.pipe2(limits, 0))).isEqualTo(Errno.EMFILE);
        assertThat(p.dup(a)).isEqualTo(4);
        p.storeLong(limits + 8, (1 << 20) + 1);
        assertThat(errno(() -> p.setrlimit(RLIMIT_NOFILE, limits))).isEqualTo(Errno.EPERM);
    }

    @Test
    void anExistingFileIsOpenedOnlyWithThePermissionItsModeGrants() {
        p.close(p.openat(AT_FDCWD, path("secret"), O_RDWR | O_CREAT, 0600));
        p.close(p.openat(AT_FDCWD, path("shared"), O_RDWR | O_CREAT, 0644));
        SimProcess user = kernel.newProcess(false);
        long ubuf = user.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        java.util.function.ToIntBiFunction<String, Integer> open = (name, flags) -> {
            user.store(ubuf, (name + "\0").getBytes(StandardCharsets.ISO_8859_1));
            return user.openat(AT_FDCWD, ubuf, flags, 0400);
        };
        assertThat(errno(() -> open.applyAsInt("secret", O_RDONLY))).isEqualTo(Errno.EACCES);
        assertThat(errno(() -> open.applyAsInt("shared", O_WRONLY))).isEqualTo(Errno.EACCES);
        assertThat(errno(() -> open.applyAsInt("shared", O_RDONLY | O_TRUNC))).isEqualTo(Errno.EACCES);
        user.close(open.applyAsInt("shared", O_RDONLY));
        user.close(open.applyAsInt("secret", O_PATH));
        // the creating open is not checked; later ones are, for the owner too
        user.close(open.applyAsInt("own", O_RDWR | O_CREAT));
        assertThat(errno(() -> open.applyAsInt("own", O_RDWR))).isEqualTo(Errno.EACCES);
        p.close(p.openat(AT_FDCWD, path("own"), O_RDWR, 0));
    }
}
