package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.abi.PagemapEntryLayout;
import org.mmkit.core.abi.UffdioMoveLayout;

/**
 * UFFDIO_WRITEPROTECT and UFFDIO_MOVE through the public API, with the context features that
 * change them (WP_UNPOPULATED, WP_ASYNC). Each case is also a scenario compared with the kernel:
 * scenarios/uffd/writeprotect-*.mms and move-*.mms.
 */
class UffdWriteProtectIoctlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static Errno writeprotect(Uffd uffd, long start, long len, long mode) {
        uffd.p.store(uffd.scratch, Uffd.longs(start, len, mode));
        return Syscalls.errnoOf(() -> uffd.p.ioctl(uffd.fd, UFFDIO_WRITEPROTECT, uffd.scratch));
    }

    /** UFFDIO_MOVE: the errno (null for success) and the {@code move} field. */
    private static Object[] move(Uffd uffd, long dst, long src, long len, long mode) {
        uffd.p.store(uffd.scratch, Uffd.longs(dst, src, len, mode, 0x5a5a));
        Errno errno = Syscalls.errnoOf(() -> uffd.p.ioctl(uffd.fd, UFFDIO_MOVE, uffd.scratch));
        return new Object[] {errno, uffd.p.loadLong(uffd.scratch + UffdioMoveLayout.MOVE_OFFSET)};
    }

    private long pagemap(long va) {
        byte[] buf = new byte[8];
        p.pagemapRead(va / PAGE_SIZE * 8, buf);
        return ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong() & PagemapEntryLayout.FLAG_MASK;
    }

    @Test
    void wpUnpopulatedPutsMarkersOnUntouchedAnonymousPagesAndOnlyThen() {
        long a = Syscalls.anon(p, 2);
        long b = Syscalls.anon(p, 2);
        Uffd plain = Uffd.open(p, 0);
        Uffd unpopulated = Uffd.open(p, UFFD_FEATURE_WP_UNPOPULATED);
        plain.register(a, 2 * PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);
        unpopulated.register(b, 2 * PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);

        assertThat(writeprotect(plain, a, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP)).isNull();
        assertThat(writeprotect(unpopulated, b, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP)).isNull();

        assertThat(pagemap(a)).isZero();
        assertThat(pagemap(b)).isEqualTo(PagemapEntryLayout.SWAP | PagemapEntryLayout.UFFD_WP);
        p.madvise(b, PAGE_SIZE, MADV_DONTNEED);
        assertThat(pagemap(b)).as("DONTNEED drops an anonymous marker").isZero();
        assertThat(writeprotect(unpopulated, b, 2 * PAGE_SIZE, 0)).isNull();
        assertThat(pagemap(b + PAGE_SIZE)).isZero();
    }

    /**
     * Where the shared zero page is allowed (not on the reference machine, so no scenario can show
     * it), a read of an anonymous marker maps the zero page and keeps uffd-wp on it
     * ({@code do_anonymous_page}: {@code vmf_orig_pte_uffd_wp}); the write after it is a WP fault.
     */
    @Test
    void aReadOfAnAnonymousMarkerMapsTheZeroPageStillProtected() {
        assertThat(kernel.config().sharedZeroPage()).isTrue();
        long a = Syscalls.anon(p, 1);
        long zero = Syscalls.anon(p, 1);
        assertThat(p.loadLong(zero)).isZero();
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_WP_UNPOPULATED);
        uffd.register(a, PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);
        writeprotect(uffd, a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);

        assertThat(p.loadLong(a)).isZero();

        assertThat(pagemap(a)).isEqualTo(PagemapEntryLayout.PRESENT | PagemapEntryLayout.UFFD_WP);
        assertThat(frame(a)).as("the zero page").isEqualTo(frame(zero));
    }

    private long frame(long va) {
        byte[] buf = new byte[8];
        p.pagemapRead(va / PAGE_SIZE * 8, buf);
        return ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong() & PagemapEntryLayout.FRAME_MASK;
    }

    @Test
    void wpAsyncResolvesWritesWithoutAMessage() {
        long a = Syscalls.anon(p, 2);
        p.storeLong(a, 1);
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_WP_ASYNC);
        uffd.register(a, 2 * PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);
        writeprotect(uffd, a, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        assertThat(pagemap(a + PAGE_SIZE)).as("WP_ASYNC implies WP_UNPOPULATED")
                .isEqualTo(PagemapEntryLayout.SWAP | PagemapEntryLayout.UFFD_WP);

        p.storeLong(a, 2);
        p.storeLong(a + PAGE_SIZE, 3);

        assertThat(pagemap(a) & PagemapEntryLayout.UFFD_WP).isZero();
        assertThat(pagemap(a + PAGE_SIZE) & PagemapEntryLayout.UFFD_WP).isZero();
        assertThat(p.loadLong(a) + p.loadLong(a + PAGE_SIZE)).isEqualTo(5);
        assertThat(Syscalls.errnoOf(uffd::read)).isEqualTo(Errno.EAGAIN);
        kernel.checkInvariants();
    }

    @Test
    void aWpFaultIsReportedOnceAndUnprotectWakesItUnlessDontwake() throws Exception {
        long a = Syscalls.anon(p, 1);
        p.storeLong(a, 1);
        Uffd uffd = Uffd.open(p, 0);
        uffd.register(a, PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);
        writeprotect(uffd, a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP);
        SimThread writer = p.newThread();
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> writer.storeLong(a + 8, 2));
        while (!writer.blocked()) {
            Thread.onSpinWait();
        }

        assertThat(uffd.read()).isEqualTo(Uffd.fault(UFFD_PAGEFAULT_FLAG_WRITE | UFFD_PAGEFAULT_FLAG_WP, a));
        assertThat(writeprotect(uffd, a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_DONTWAKE)).isNull();
        assertThat(writer.blocked()).isTrue();
        uffd.wake(a, PAGE_SIZE);
        write.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(p.loadLong(a + 8)).isEqualTo(2);
        assertThat(Syscalls.errnoOf(uffd::read)).as("the retried write needed nothing more").isEqualTo(Errno.EAGAIN);
    }

    @Test
    void writeprotectChecksTheRangeThenTheModeThenEveryVma() {
        long a = Syscalls.anon(p, 2);
        p.mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_READ);
        p.storeLong(a, 1);
        Uffd uffd = Uffd.open(p, 0);
        uffd.register(a, PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);

        assertThat(writeprotect(uffd, a + 1, PAGE_SIZE, 7)).isEqualTo(Errno.EINVAL);
        assertThat(writeprotect(uffd, a, PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP | UFFDIO_WRITEPROTECT_MODE_DONTWAKE))
                .isEqualTo(Errno.EINVAL);
        assertThat(writeprotect(uffd, a, 2 * PAGE_SIZE, UFFDIO_WRITEPROTECT_MODE_WP)).isEqualTo(Errno.ENOENT);
        assertThat(pagemap(a) & PagemapEntryLayout.UFFD_WP).as("protected before the ENOENT").isNotZero();
    }

    @Test
    void moveReportsPartialSuccessAndRefusesAnotherAddressSpace() {
        long src = Syscalls.anon(p, 3);
        long dst = Syscalls.anon(p, 2);
        p.storeLong(src, 1);
        p.storeLong(src + PAGE_SIZE, 2);
        p.storeLong(dst + PAGE_SIZE, 9);
        Uffd uffd = Uffd.open(p, 0);
        uffd.register(dst, 2 * PAGE_SIZE, UFFDIO_REGISTER_MODE_MISSING);

        Object[] partial = move(uffd, dst, src, 2 * PAGE_SIZE, 0);
        assertThat(partial).containsExactly(Errno.EAGAIN, PAGE_SIZE);
        assertThat(p.loadLong(dst)).isEqualTo(1);
        Object[] exists = move(uffd, dst + PAGE_SIZE, src + PAGE_SIZE, PAGE_SIZE, 0);
        assertThat(exists).containsExactly(Errno.EEXIST, (long) -Errno.EEXIST.number());
        Object[] badMode = move(uffd, dst, src, PAGE_SIZE, 4);
        assertThat(badMode).containsExactly(Errno.EINVAL, 0x5a5aL);

        SimProcess child = p.fork();
        child.store(uffd.scratch, Uffd.longs(dst, src + 2 * PAGE_SIZE, PAGE_SIZE, UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES, 0));
        assertThat(Syscalls.errnoOf(() -> child.ioctl(uffd.fd, UFFDIO_MOVE, uffd.scratch)))
                .as("the context's address space is the parent's").isEqualTo(Errno.EINVAL);
        kernel.checkInvariants();
    }
}
