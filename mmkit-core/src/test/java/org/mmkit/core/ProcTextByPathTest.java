package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /proc/PID text files opened by path and read with read(): the model's own text, as procText gives it. */
class ProcTextByPathTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final long buf = anon(p, 8);

    @AfterEach
    void close() {
        kernel.checkInvariants();
        kernel.close();
    }

    private int open(SimProcess who, String path, int flags) {
        byte[] bytes = (path + "\0").getBytes(StandardCharsets.ISO_8859_1);
        who.store(buf, bytes);
        return who.openat(AT_FDCWD, buf, flags, 0);
    }

    /** Reads the whole file in reads of {@code chunk} bytes into the buffer's second page on. */
    private String readAll(int fd, int chunk) {
        StringBuilder text = new StringBuilder();
        for (long n; (n = p.read(fd, buf + PAGE_SIZE, chunk)) > 0; ) {
            byte[] got = new byte[(int) n];
            p.load(buf + PAGE_SIZE, got);
            text.append(new String(got, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    @Test
    void eachFileReadsAsTheModelsTextInAnyChunkSize() {
        long a = anon(p, 3);
        p.store(a, new byte[10]);
        String[] names = {"status", "statm", "smaps_rollup", "maps", "smaps"};
        java.util.List<Function<SimProcess, String>> texts = java.util.List.of(
                SimProcess::status, SimProcess::statm, SimProcess::smapsRollup, SimProcess::maps, SimProcess::smaps);
        for (int i = 0; i < names.length; i++) {
            int fd = open(p, "/proc/self/" + names[i], O_RDONLY);
            String whole = texts.get(i).apply(p);
            assertThat(whole).isNotEmpty();
            // reads going on where the last ended keep the text of the first, made before the
            // buffer's page was first touched
            assertThat(readAll(fd, 7)).as(names[i]).isEqualTo(whole);
            // a seek makes it afresh
            assertThat(p.lseek(fd, 3, SEEK_SET)).isEqualTo(3);
            assertThat(readAll(fd, 4096)).isEqualTo(texts.get(i).apply(p).substring(3));
            assertThat(p.pread(fd, buf + PAGE_SIZE, 4, 1L << 30)).isZero();
            p.close(fd);
        }
    }

    @Test
    void theFilesAreReadOnlySeqFiles() {
        int fd = open(p, "/proc/self/status", O_RDONLY);
        assertErrno(Errno.EINVAL, () -> p.lseek(fd, 0, SEEK_END));
        assertErrno(Errno.EINVAL, () -> p.lseek(fd, -1, SEEK_SET));
        assertErrno(Errno.EBADF, () -> p.write(fd, buf, 1));
        assertErrno(Errno.EINVAL, () -> p.ftruncate(fd, 0));
        assertErrno(Errno.ENODEV, () -> p.mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0));
        assertErrno(Errno.EPERM, () -> p.mmap(0, PAGE_SIZE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0));
        assertErrno(Errno.EFAULT, () -> p.read(fd, 8, 100));
        // root may open it for writing; a write finds no ->write
        int w = open(p, "/proc/self/statm", O_RDWR);
        assertErrno(Errno.EINVAL, () -> p.write(w, buf, 1));
        p.ftruncate(w, 0);
        assertErrno(Errno.EOPNOTSUPP, () -> p.fallocate(w, 0, 0, 1));
        assertErrno(Errno.EEXIST, () -> open(p, "/proc/self/maps", O_RDONLY | O_CREAT | O_EXCL));
        assertErrno(Errno.ENOTDIR, () -> open(p, "/proc/self/maps", O_RDONLY | O_DIRECTORY));
        assertErrno(Errno.ENOENT, () -> open(p, "/proc/self/environ", O_RDONLY));
    }

    @Test
    void anUnprivilegedOpenerMayNotWriteNorReadAnotherUsersAddressSpace() {
        SimProcess user = kernel.newProcess(false);
        long ubuf = anon(user, 1);
        byte[] path = "/proc/self/status\0".getBytes(StandardCharsets.ISO_8859_1);
        user.store(ubuf, path);
        assertErrno(Errno.EACCES, () -> user.openat(AT_FDCWD, ubuf, O_WRONLY, 0));
        user.close(user.openat(AT_FDCWD, ubuf, O_RDONLY, 0));
        byte[] rootMaps = ("/proc/" + p.pid() + "/maps\0").getBytes(StandardCharsets.ISO_8859_1);
        user.store(ubuf, rootMaps);
        assertErrno(Errno.EACCES, () -> user.openat(AT_FDCWD, ubuf, O_RDONLY, 0));
        byte[] rootStatus = ("/proc/" + p.pid() + "/status\0").getBytes(StandardCharsets.ISO_8859_1);
        user.store(ubuf, rootStatus);
        user.close(user.openat(AT_FDCWD, ubuf, O_RDONLY, 0));
    }

    @Test
    void aProcessThatExitedReadsAsEmpty() {
        SimProcess child = p.fork();
        int fd = open(p, "/proc/" + child.pid() + "/statm", O_RDONLY);
        child.exit();
        assertThat(p.read(fd, buf + PAGE_SIZE, 100)).isZero();
    }
}
