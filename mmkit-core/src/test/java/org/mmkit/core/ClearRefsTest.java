package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Syscalls.errnoOf;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * /proc/PID/clear_refs through the public API (fs/proc/task_mmu.c clear_refs_write): the parsing
 * and its errno, the open modes, type 5's VmHWM (which the kernel backend cannot compare), and
 * types 1–3 by smaps Referenced. The parse table is what this machine's 6.18 kernel answered for
 * each input (scenarios/procfs/clear-refs-parsing.mms runs the same on both).
 */
class ClearRefsTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final long buf = anon(p, 2);

    @AfterEach
    void close() {
        kernel.checkInvariants();
        kernel.close();
    }

    private static int open(SimProcess who, long at, String path, int flags) {
        who.store(at, (path + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return who.openat(AT_FDCWD, at, flags, 0);
    }

    private long write(int fd, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        p.store(buf + PAGE_SIZE, bytes);
        return p.write(fd, buf + PAGE_SIZE, bytes.length);
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("1", null, 1), Arguments.of("1\n", null, 2), Arguments.of(" 1", null, 2),
                Arguments.of("\t4\u000b", null, 3), Arguments.of("+4", null, 2), Arguments.of("04", null, 2),
                Arguments.of("000000000004", null, 12), Arguments.of("1" + " ".repeat(29), null, 12),
                Arguments.of("4\0zz", null, 4), Arguments.of("5", null, 1), Arguments.of("2", null, 1), Arguments.of("3", null, 1),
                Arguments.of("1x", Errno.EINVAL, 0), Arguments.of("", Errno.EINVAL, 0), Arguments.of("6", Errno.EINVAL, 0),
                Arguments.of("0", Errno.EINVAL, 0), Arguments.of("-1", Errno.EINVAL, 0), Arguments.of("0x4", Errno.EINVAL, 0),
                Arguments.of("4 4", Errno.EINVAL, 0), Arguments.of("\n", Errno.EINVAL, 0), Arguments.of("-0", Errno.EINVAL, 0),
                Arguments.of("+-1", Errno.EINVAL, 0), Arguments.of("-2147483648", Errno.EINVAL, 0),
                Arguments.of("0000000000004", Errno.EINVAL, 0), Arguments.of("99999999999", Errno.ERANGE, 0),
                Arguments.of("4294967297", Errno.ERANGE, 0), Arguments.of("2147483648", Errno.ERANGE, 0),
                Arguments.of("1234567890123456789", Errno.ERANGE, 0));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void parsesAsTheKernelDoes(String input, Errno errno, int written) {
        int fd = open(p, buf, "/proc/self/clear_refs", O_WRONLY);
        if (errno == null) {
            assertThat(write(fd, input)).isEqualTo(written);
        } else {
            assertThat(errnoOf(() -> write(fd, input))).isEqualTo(errno);
        }
    }

    private static long kb(String text, String field) {
        Matcher m = Pattern.compile("(?m)^" + field + ":\\s+(\\d+) kB").matcher(text);
        assertThat(m.find()).as(field).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** {@code reset_mm_hiwater_rss}: VmHWM drops to VmRSS, and rises with the RSS again. */
    @Test
    void fiveResetsThePeakRss() {
        int fd = open(p, buf, "/proc/self/clear_refs", O_WRONLY);
        assertThat(write(fd, "1")).isEqualTo(1); // the text's page is resident before the peak is taken
        long a = anon(p, 8);
        p.store(a, new byte[8 * (int) PAGE_SIZE]);
        p.munmap(a, 6 * PAGE_SIZE);
        String before = p.status();
        assertThat(kb(before, "VmHWM") - kb(before, "VmRSS")).isEqualTo(24);
        assertThat(write(fd, "5")).isEqualTo(1);
        String after = p.status();
        assertThat(kb(after, "VmHWM")).isEqualTo(kb(after, "VmRSS")).isEqualTo(kb(before, "VmRSS"));
        p.store(a + 6 * PAGE_SIZE + 8, new byte[8]);
        long b = anon(p, 1);
        p.store(b, new byte[1]);
        p.munmap(b, PAGE_SIZE);
        assertThat(kb(p.status(), "VmHWM")).isEqualTo(kb(after, "VmRSS") + 4);
    }

    /** A field of the smaps entry of the VMA starting at {@code addr}, in kB. */
    private long smaps(long addr, String field) {
        String smaps = p.smaps();
        int at = smaps.indexOf(Long.toHexString(addr) + "-");
        assertThat(at).isNotNegative();
        return kb(smaps.substring(at), field);
    }

    private long referenced(long addr) {
        return smaps(addr, "Referenced");
    }

    /**
     * {@code clear_refs_test_walk}: 2 skips VMAs with a file, 3 VMAs without one (a shared
     * anonymous mapping has its shmem file), 1 takes all; the zero page is not a normal page
     * and is left alone. A GUP populate marks the pages referenced again.
     */
    @Test
    void typesOneToThreeClearReferencedByVmaKind() {
        int fd = open(p, buf, "/proc/self/clear_refs", O_WRONLY);
        // executable, so that it does not merge with the buffer
        long anonymous = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        long shared = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        p.store(anonymous, new byte[2 * (int) PAGE_SIZE]);
        p.store(shared, new byte[1]);
        assertThat(referenced(anonymous)).isEqualTo(8);
        assertThat(referenced(shared)).isEqualTo(4);
        write(fd, "3");
        assertThat(referenced(anonymous)).isEqualTo(8);
        assertThat(referenced(shared)).isZero();
        p.madvise(shared, PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(referenced(shared)).isEqualTo(4);
        write(fd, "2");
        assertThat(referenced(anonymous)).isZero();
        assertThat(referenced(shared)).isEqualTo(4);
        p.madvise(anonymous, 2 * PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(referenced(anonymous)).isEqualTo(8);
        write(fd, "1");
        assertThat(referenced(anonymous)).isZero();
        assertThat(referenced(shared)).isZero();
        assertThat(smaps(anonymous, "Rss")).isEqualTo(8);
    }

    /**
     * The 0200 file: its owner may open it for writing only, another user not at all, root any
     * way; a read is EINVAL; lseek leaves the position at 0.
     */
    @Test
    void openModesAndTheOtherFileOperations() {
        SimProcess user = kernel.newProcess(false);
        long ubuf = anon(user, 1);
        assertErrno(Errno.EACCES, () -> open(user, ubuf, "/proc/self/clear_refs", O_RDONLY));
        assertErrno(Errno.EACCES, () -> open(user, ubuf, "/proc/self/clear_refs", O_RDWR));
        assertErrno(Errno.EACCES, () -> open(user, ubuf, "/proc/" + p.pid() + "/clear_refs", O_WRONLY));
        int own = open(user, ubuf, "/proc/self/clear_refs", O_WRONLY);
        user.store(ubuf, "1".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(user.write(own, ubuf, 1)).isEqualTo(1);
        int other = open(p, buf, "/proc/" + user.pid() + "/clear_refs", O_RDWR);
        assertErrno(Errno.EINVAL, () -> p.read(other, buf, 4));
        assertThat(p.lseek(other, 100, SEEK_SET)).isZero();
        assertThat(write(other, "1")).isEqualTo(1);
        assertThat(p.lseek(other, 0, SEEK_CUR)).isZero();
        p.fstat(other, buf);
        byte[] stat = new byte[org.mmkit.core.abi.StatLayout.SIZE];
        p.load(buf, stat);
        assertThat(org.mmkit.core.abi.Scalars.U32.read(stat, org.mmkit.core.abi.StatLayout.MODE_OFFSET))
                .isEqualTo(S_IFREG | 0200);
    }

    /** An address space that is gone: the write takes its bytes and does nothing ({@code get_task_mm} is NULL). */
    @Test
    void aProcessThatExitedTakesTheWrite() {
        SimProcess child = p.fork();
        int fd = open(p, buf, "/proc/" + child.pid() + "/clear_refs", O_WRONLY);
        child.exit();
        assertThat(write(fd, "4")).isEqualTo(1);
        assertErrno(Errno.EINVAL, () -> write(fd, "9"));
    }

    /** {@code do_loop_readv_writev}: one write per segment, stopping at the first error or short take. */
    @Test
    void writevTakesOneSegmentAtATime() {
        int fd = open(p, buf, "/proc/self/clear_refs", O_WRONLY);
        long text = buf + PAGE_SIZE;
        p.store(text, ("1x" + "2".repeat(20)).getBytes(StandardCharsets.ISO_8859_1));
        Syscalls.iovecs(p, buf, text, 1, text, 1);
        assertThat(p.writev(fd, buf, 2)).isEqualTo(2);
        Syscalls.iovecs(p, buf, text, 1, text + 1, 1);
        assertThat(p.writev(fd, buf, 2)).isEqualTo(1);
        Syscalls.iovecs(p, buf, text + 1, 1, text, 1);
        assertErrno(Errno.EINVAL, () -> p.writev(fd, buf, 2));
        Syscalls.iovecs(p, buf, text + 2, 20, text, 1);
        assertErrno(Errno.ERANGE, () -> p.writev(fd, buf, 2));
    }
}
