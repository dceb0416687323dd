package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Syscalls.assertErrno;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Creating a userfaultfd, the UFFDIO_API handshake and registration (kernel-spec §4.1, §4.2,
 * §4.4 with the corrections observed on 6.18.44; {@code fs/userfaultfd.c}).
 */
class UserfaultfdSetupTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static final long MISSING = UFFDIO_REGISTER_MODE_MISSING;
    private static final long WP = UFFDIO_REGISTER_MODE_WP;
    private static final long MINOR = UFFDIO_REGISTER_MODE_MINOR;

    @Test
    void permissionIsCheckedBeforeTheFlags() {
        SimProcess user = kernel.newProcess(false);
        assertErrno(Errno.EPERM, () -> user.userfaultfd(O_CLOEXEC));
        assertErrno(Errno.EPERM, () -> user.userfaultfd(0x1234));
        assertErrno(Errno.EINVAL, () -> user.userfaultfd(UFFD_USER_MODE_ONLY | 0x1234));
        assertThat(user.userfaultfd(UFFD_USER_MODE_ONLY | O_NONBLOCK)).isGreaterThanOrEqualTo(3);
        assertErrno(Errno.EINVAL, () -> p.userfaultfd(O_RDWR));
        assertThat(p.userfaultfd(0)).isGreaterThanOrEqualTo(3);
        try (Kernel open = Kernel.create(KernelConfig.linux618().toBuilder().unprivilegedUserfaultfd(true).build())) {
            assertThat(open.newProcess(false).userfaultfd(O_CLOEXEC)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theDescriptorIsReadOnlyWithTheFlagsAsked() {
        int fd = p.userfaultfd(O_CLOEXEC | O_NONBLOCK);
        assertThat(p.fcntl(fd, F_GETFL, 0)).as("O_CLOEXEC is the descriptor's").isEqualTo(O_RDONLY | O_NONBLOCK);
        assertThat(p.fcntl(fd, F_GETFD, 0)).isEqualTo(FD_CLOEXEC);
        long buf = anon(p, 1);
        assertErrno(Errno.EBADF, () -> p.write(fd, buf, 32));
        assertErrno(Errno.ESPIPE, () -> p.pread(fd, buf, 32, 0));
        assertErrno(Errno.EPERM, () -> p.mmap(0, PAGE_SIZE, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0));
        assertErrno(Errno.ENODEV, () -> p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0));
    }

    @Test
    void beforeTheHandshakeOnlyApiIsAllowed() {
        Uffd uffd = Uffd.create(p, O_NONBLOCK);
        long a = anon(p, 1);
        assertErrno(Errno.EINVAL, () -> uffd.register(a, PAGE_SIZE, MISSING));
        assertErrno(Errno.EINVAL, () -> p.ioctl(uffd.fd, 0x1234, 0));
        assertErrno(Errno.EINVAL, () -> p.read(uffd.fd, uffd.scratch, 32));
        assertThat(uffd.poll()).isEqualTo(POLLERR);
        uffd.api(UFFD_API, 0);
        assertThat(uffd.poll()).isZero();
        assertErrno(Errno.EINVAL, () -> p.ioctl(uffd.fd, 0x1234, 0));
    }

    @Test
    void apiReportsEveryFeatureAndFailedCallsZeroTheStructAndMayBeRetried() {
        Uffd uffd = Uffd.create(p, O_NONBLOCK);
        assertErrno(Errno.EINVAL, () -> uffd.api(0xab, 0));
        assertThat(uffd.lastApi).containsExactly(0, 0, 0);
        assertErrno(Errno.EINVAL, () -> uffd.api(UFFD_API, 1L << 63));
        assertThat(uffd.lastApi).containsExactly(0, 0, 0);
        assertThat(uffd.api(UFFD_API, UFFD_FEATURE_THREAD_ID)).containsExactly(0xaa, 0x1ffff, 0x8000000000000003L);
        assertErrno(Errno.EINVAL, () -> uffd.api(UFFD_API, 0));
        assertThat(uffd.lastApi).as("a second API zeroes the reply it wrote").containsExactly(0, 0, 0);
        assertThat(Uffd.create(p, 0).api(UFFD_API, 0x1ffff)).containsExactly(0xaa, 0x1ffff, 0x8000000000000003L);
    }

    @Test
    void eventForkNeedsCapSysPtrace() {
        SimProcess user = kernel.newProcess(false);
        Uffd uffd = Uffd.create(user, UFFD_USER_MODE_ONLY | O_NONBLOCK);
        assertErrno(Errno.EPERM, () -> uffd.api(UFFD_API, UFFD_FEATURE_EVENT_FORK));
        uffd.api(UFFD_API, UFFD_FEATURE_EVENT_REMAP);
    }

    @Test
    void registerReportsTheRangeIoctlsOfTheModes() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        assertThat(uffd.register(a, PAGE_SIZE, MISSING)).isEqualTo(0x13c);
        assertThat(uffd.register(a, PAGE_SIZE, MISSING | WP)).isEqualTo(0x17c);
        assertThat(uffd.register(a, PAGE_SIZE, WP)).isEqualTo(0x17c);
        assertErrno(Errno.EINVAL, () -> uffd.register(a, PAGE_SIZE, MINOR));
        assertErrno(Errno.EINVAL, () -> uffd.register(a, PAGE_SIZE, MISSING | MINOR));
        long s = shmem(1);
        assertThat(uffd.register(s, PAGE_SIZE, MINOR)).isEqualTo(0x1bc);
        assertThat(uffd.register(s, PAGE_SIZE, MISSING | WP | MINOR)).isEqualTo(0x1fc);
    }

    @Test
    void registerRejectsBadModesAndRanges() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 2);
        assertErrno(Errno.EINVAL, () -> uffd.register(a, PAGE_SIZE, 0));
        assertErrno(Errno.EINVAL, () -> uffd.register(a, PAGE_SIZE, 8));
        assertErrno(Errno.EINVAL, () -> uffd.register(a + 1, PAGE_SIZE, MISSING));
        assertErrno(Errno.EINVAL, () -> uffd.register(a, PAGE_SIZE + 1, MISSING));
        assertErrno(Errno.EINVAL, () -> uffd.register(a, 0, MISSING));
        assertErrno(Errno.EINVAL, () -> uffd.register(0, PAGE_SIZE, MISSING));
        assertErrno(Errno.EINVAL, () -> uffd.register(0x7ffffffff000L, 2 * PAGE_SIZE, MISSING));
        p.munmap(a, 2 * PAGE_SIZE);
        assertErrno(Errno.EINVAL, () -> uffd.register(a, 2 * PAGE_SIZE, MISSING));
    }

    @Test
    void holesAreAllowedAndRegistrationSplitsAndMergesAtTheEdges() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 5);
        p.munmap(a + 3 * PAGE_SIZE, PAGE_SIZE);
        assertThat(vmasIn(a, a + 5 * PAGE_SIZE)).isEqualTo(2);
        uffd.register(a + PAGE_SIZE, 4 * PAGE_SIZE, MISSING | WP);
        assertThat(vmasIn(a, a + 5 * PAGE_SIZE)).isEqualTo(3);
        assertThat(SmapsTest.smapsOf(p, a + PAGE_SIZE)).containsKey("VmFlags:rd wr mr mw me um uw ac");
        assertThat(SmapsTest.smapsOf(p, a)).containsKey("VmFlags:rd wr mr mw me ac");
        uffd.unregister(a, 5 * PAGE_SIZE);
        assertThat(vmasIn(a, a + 5 * PAGE_SIZE)).isEqualTo(2);
        uffd.unregister(a, 5 * PAGE_SIZE); // nothing registered: no error
        long s = shmem(1);
        uffd.register(s, PAGE_SIZE, MINOR);
        assertThat(SmapsTest.smapsOf(p, s).keySet()).anyMatch(k -> k.startsWith("VmFlags:") && k.endsWith(" ui"));
    }

    @Test
    void vmasOfDifferentContextsDoNotMerge() {
        Uffd one = Uffd.open(p, 0);
        Uffd two = Uffd.open(p, 0);
        long a = anon(p, 2);
        one.register(a, PAGE_SIZE, MISSING);
        two.register(a + PAGE_SIZE, PAGE_SIZE, MISSING);
        assertThat(vmasIn(a, a + 2 * PAGE_SIZE)).isEqualTo(2);
        assertErrno(Errno.EBUSY, () -> one.register(a, 2 * PAGE_SIZE, MISSING));
        assertErrno(Errno.EINVAL, () -> one.unregister(a, 2 * PAGE_SIZE));
        p.close(two.fd);
        one.register(a, 2 * PAGE_SIZE, MISSING);
        assertThat(vmasIn(a, a + 2 * PAGE_SIZE)).isEqualTo(1);
    }

    @Test
    void reRegisteringReplacesTheModeUnlessItHasItAlready() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        uffd.register(a, PAGE_SIZE, WP);
        assertThat(SmapsTest.smapsOf(p, a)).containsKey("VmFlags:rd wr mr mw me uw ac");
        uffd.register(a, PAGE_SIZE, MISSING | WP);
        uffd.register(a, PAGE_SIZE, MISSING);
        assertThat(SmapsTest.smapsOf(p, a)).as("userfaultfd_register_range skips a VMA that has the modes")
                .containsKey("VmFlags:rd wr mr mw me um uw ac");
    }

    @Test
    void aSharedMappingWithoutMayWriteIsEperm() {
        Uffd uffd = Uffd.open(p, 0);
        int memfd = UserStrings.memfd(p, "m", 0);
        p.ftruncate(memfd, PAGE_SIZE);
        long path = anon(p, 1);
        p.store(path, ("/proc/self/fd/" + memfd + "\0").getBytes(StandardCharsets.US_ASCII));
        int readOnly = p.openat(AT_FDCWD, path, O_RDONLY, 0);
        long m = p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED, readOnly, 0);
        assertErrno(Errno.EPERM, () -> uffd.register(m, PAGE_SIZE, MISSING));
    }

    @Test
    void closingTheLastDescriptorUnregisters() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 1);
        uffd.register(a, PAGE_SIZE, MISSING);
        SimProcess child = p.fork();
        assertThat(SmapsTest.smapsOf(child, a)).as("dup_userfaultfd without EVENT_FORK")
                .containsKey("VmFlags:rd wr mr mw me ac");
        p.close(uffd.fd);
        assertThat(SmapsTest.smapsOf(p, a)).as("the child still holds the file").containsKey("VmFlags:rd wr mr mw me um ac");
        child.close(uffd.fd);
        assertThat(SmapsTest.smapsOf(p, a)).containsKey("VmFlags:rd wr mr mw me ac");
    }

    @Test
    void mremapWithoutEventRemapUnregistersTheMovedVma() {
        Uffd uffd = Uffd.open(p, 0);
        long a = anon(p, 2);
        uffd.register(a, 2 * PAGE_SIZE, MISSING);
        long moved = p.mremap(a, PAGE_SIZE, PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED, a + 16 * PAGE_SIZE);
        assertThat(SmapsTest.smapsOf(p, moved)).containsKey("VmFlags:rd wr mr mw me ac");
        assertThat(SmapsTest.smapsOf(p, a + PAGE_SIZE)).containsKey("VmFlags:rd wr mr mw me um ac");
    }

    /** The VMAs that start in [from, to). */
    private long vmasIn(long from, long to) {
        return p.maps().lines().mapToLong(line -> Long.parseUnsignedLong(line.substring(0, line.indexOf('-')), 16))
                .filter(start -> start >= from && start < to).count();
    }

    /** A shared memfd mapping of {@code pages} pages. */
    private long shmem(long pages) {
        int fd = UserStrings.memfd(p, "uffd", 0);
        p.ftruncate(fd, pages * PAGE_SIZE);
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }
}
