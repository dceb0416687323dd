package org.mmkit.core;

import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;
import org.mmkit.core.abi.UffdioWriteprotectLayout;

/**
 * Write tracking of a process's memory as a Linux tool does it since 6.7: a userfaultfd with
 * asynchronous write protection ({@code UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED}),
 * registered for write protection on the tracked ranges, and {@code PAGEMAP_SCAN} on
 * {@code /proc/self/pagemap}, which reports the pages written since they were protected and
 * protects them again in the same call ({@code PM_SCAN_WP_MATCHING}). A write to a protected page
 * is resolved by the kernel without a message, so the process runs on unhindered.
 *
 * <p>Everything goes through the process's own system calls, with their arguments in a scratch
 * mapping of {@link #SCRATCH_PAGES} pages the tracker maps in the process (keep it out of the
 * tracked ranges): the calls, their order and their errors are exactly what the same tool meets
 * on Linux. The calls are the process's main thread's; threads of the process may write while
 * another Java thread collects. One tracker serves one Java thread at a time (its methods are
 * synchronised).
 */
public final class WriteTracker implements AutoCloseable {
    /**
     * The pages of the tracker's scratch mapping: one for the ioctl arguments and the pagemap
     * path, the others for the output vector of PAGEMAP_SCAN.
     */
    public static final int SCRATCH_PAGES = 4;

    /** The regions one scan can report: the vector fills every scratch page after the first. */
    private static final int VEC_LEN = (int) ((SCRATCH_PAGES - 1) * PAGE_SIZE / PageRegionLayout.SIZE);

    /**
     * A written range, pages [start, end).
     *
     * @param start the first byte of the first written page
     * @param end the byte after the last written page
     */
    public record Range(long start, long end) {
        /**
         * A range of whole pages.
         *
         * @throws IllegalArgumentException if the range is empty or not page aligned
         */
        public Range {
            if (start >= end || start % PAGE_SIZE != 0 || end % PAGE_SIZE != 0) {
                throw new IllegalArgumentException("not a range of pages: " + Long.toHexString(start) + "-"
                        + Long.toHexString(end));
            }
        }

        /**
         * The range's length in bytes.
         *
         * @return {@code end - start}
         */
        public long length() {
            return end - start;
        }
    }

    private final SimProcess process;
    /** The userfaultfd, with WP_ASYNC set up. */
    private final int uffd;
    /** The descriptor of /proc/self/pagemap. */
    private final int pagemap;
    /** The scratch mapping: arguments at its start, the output vector from its second page. */
    private final long scratch;
    /** Guarded by this: set once by {@link #close}. */
    private boolean closed;

    private WriteTracker(SimProcess process, int uffd, int pagemap, long scratch) {
        this.process = process;
        this.uffd = uffd;
        this.pagemap = pagemap;
        this.scratch = scratch;
    }

    /**
     * Opens a tracker in {@code process}: maps its scratch pages, creates the userfaultfd, sets it
     * up for asynchronous write protection and opens {@code /proc/self/pagemap}. Nothing is
     * tracked yet.
     *
     * @param process the process whose memory is tracked, which needs the permission to create a
     *     userfaultfd (privileged, or {@link KernelConfig#unprivilegedUserfaultfd})
     * @return the tracker, to be {@linkplain #close closed}
     * @throws ErrnoException if a call fails, as it would on Linux; what was set up is undone
     */
    public static WriteTracker open(SimProcess process) {
        long scratch = process.mmap(0, SCRATCH_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                -1, 0);
        int uffd = -1;
        try {
            uffd = process.userfaultfd(O_CLOEXEC | O_NONBLOCK);
            byte[] api = new byte[UffdioApiLayout.SIZE];
            Scalars.U64.write(api, UffdioApiLayout.API_OFFSET, UFFD_API);
            Scalars.U64.write(api, UffdioApiLayout.FEATURES_OFFSET, UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED);
            process.store(scratch, api);
            process.ioctl(uffd, UFFDIO_API, scratch);
            process.store(scratch, "/proc/self/pagemap\0".getBytes(StandardCharsets.US_ASCII));
            int pagemap = process.openat(AT_FDCWD, scratch, O_RDONLY | O_CLOEXEC, 0);
            return new WriteTracker(process, uffd, pagemap, scratch);
        } catch (ErrnoException e) {
            if (uffd >= 0) {
                process.close(uffd);
            }
            process.munmap(scratch, SCRATCH_PAGES * PAGE_SIZE);
            throw e;
        }
    }

    /**
     * Starts tracking [start, start + length): registers the range for write protection
     * ({@code UFFDIO_REGISTER_MODE_WP}) and protects every page of it
     * ({@code UFFDIO_WRITEPROTECT}), so from now on a page is reported once it is written.
     *
     * @param start the first byte, page aligned
     * @param length the length in bytes, a multiple of the page size; the range must be mapped
     *     private anonymous, shared anonymous or shmem memory
     * @throws ErrnoException as UFFDIO_REGISTER or UFFDIO_WRITEPROTECT fail on Linux (EINVAL for
     *     an unaligned range or one with holes, say)
     */
    public synchronized void track(long start, long length) {
        checkOpen();
        byte[] register = new byte[UffdioRegisterLayout.SIZE];
        range(register, UffdioRegisterLayout.RANGE_OFFSET, start, length);
        Scalars.U64.write(register, UffdioRegisterLayout.MODE_OFFSET, UFFDIO_REGISTER_MODE_WP);
        process.store(scratch, register);
        process.ioctl(uffd, UFFDIO_REGISTER, scratch);
        byte[] protect = new byte[UffdioWriteprotectLayout.SIZE];
        range(protect, UffdioWriteprotectLayout.RANGE_OFFSET, start, length);
        Scalars.U64.write(protect, UffdioWriteprotectLayout.MODE_OFFSET, UFFDIO_WRITEPROTECT_MODE_WP);
        process.store(scratch, protect);
        process.ioctl(uffd, UFFDIO_WRITEPROTECT, scratch);
    }

    /**
     * Stops tracking [start, start + length) ({@code UFFDIO_UNREGISTER}): its pages lose their
     * write protection and are no longer reported.
     *
     * @param start the first byte, page aligned
     * @param length the length in bytes, a multiple of the page size
     * @throws ErrnoException as UFFDIO_UNREGISTER fails on Linux
     */
    public synchronized void untrack(long start, long length) {
        checkOpen();
        byte[] range = new byte[UffdioRangeLayout.SIZE];
        range(range, 0, start, length);
        process.store(scratch, range);
        process.ioctl(uffd, UFFDIO_UNREGISTER, scratch);
    }

    /**
     * The tracked pages of [start, end) written since they were last protected, and protects them
     * again in the same scans ({@code PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC}): a write that
     * lands after a page was reported is reported by the next call, none is lost. Scans continue
     * at {@code walk_end} until the whole range was walked.
     *
     * @param start the first byte, page aligned
     * @param end the byte after the range
     * @return the written ranges in address order, adjacent ones merged
     * @throws ErrnoException EPERM if the range has mapped memory that is not tracked, EINVAL or
     *     EFAULT for a range PAGEMAP_SCAN refuses
     */
    public synchronized List<Range> collect(long start, long end) {
        return scan(start, end, PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC);
    }

    /**
     * The tracked pages of [start, end) written since they were last protected, leaving them as
     * they are: the next {@link #collect} reports them again.
     *
     * @param start the first byte, page aligned
     * @param end the byte after the range
     * @return the written ranges in address order, adjacent ones merged
     * @throws ErrnoException as for {@link #collect}
     */
    public synchronized List<Range> written(long start, long end) {
        return scan(start, end, PM_SCAN_CHECK_WPASYNC);
    }

    /** PAGEMAP_SCAN for WRITTEN pages, repeated from walk_end while the vector fills up. */
    private List<Range> scan(long start, long end, long flags) {
        checkOpen();
        List<Range> ranges = new ArrayList<>();
        long vec = scratch + PAGE_SIZE;
        byte[] arg = PmScanArgLayout.encode(flags, start, end, vec, VEC_LEN, 0, 0, PAGE_IS_WRITTEN, 0, PAGE_IS_WRITTEN);
        byte[] regions = new byte[VEC_LEN * PageRegionLayout.SIZE];
        long from = start;
        do {
            Scalars.U64.write(arg, PmScanArgLayout.START_OFFSET, from);
            process.store(scratch, arg);
            int n = (int) process.ioctl(pagemap, PAGEMAP_SCAN, scratch);
            process.load(vec, regions);
            for (int i = 0; i < n; i++) {
                int at = i * PageRegionLayout.SIZE;
                add(ranges, Scalars.U64.read(regions, at + PageRegionLayout.START_OFFSET),
                        Scalars.U64.read(regions, at + PageRegionLayout.END_OFFSET));
            }
            from = process.loadLong(scratch + PmScanArgLayout.WALK_END_OFFSET);
        } while (from < end);
        return ranges;
    }

    /** Appends [start, end), merged with the last range when they touch (a scan resumed there). */
    private static void add(List<Range> ranges, long start, long end) {
        if (!ranges.isEmpty() && ranges.getLast().end() == start) {
            start = ranges.removeLast().start();
        }
        ranges.add(new Range(start, end));
    }

    private static void range(byte[] struct, int offset, long start, long length) {
        Scalars.U64.write(struct, offset + UffdioRangeLayout.START_OFFSET, start);
        Scalars.U64.write(struct, offset + UffdioRangeLayout.LEN_OFFSET, length);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the write tracker is closed");
        }
    }

    /**
     * Closes the userfaultfd, which ends tracking everywhere (its release unregisters every
     * range), and the pagemap descriptor, and unmaps the scratch pages. Closing twice does
     * nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.close(pagemap);
        process.close(uffd);
        process.munmap(scratch, SCRATCH_PAGES * PAGE_SIZE);
    }
}
