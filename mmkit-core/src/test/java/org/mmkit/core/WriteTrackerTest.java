package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.WriteTracker.Range;

/**
 * The tracker pattern through {@link WriteTracker}: arm, write, collect and re-arm, on private
 * and shared anonymous memory; the same calls as scenarios/pagemap-scan/wp-async-*.mms, which
 * the kernel runs.
 */
class WriteTrackerTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static Range pages(long base, long from, long to) {
        return new Range(base + from * PAGE_SIZE, base + to * PAGE_SIZE);
    }

    private void write(long base, long... pages) {
        for (long page : pages) {
            p.store(base + page * PAGE_SIZE + 8, new byte[] {(byte) (page + 1)});
        }
    }

    @Test
    void reportsWrittenPagesOnceAndReArms() {
        long a = Syscalls.anon(p, 64);
        write(a, 0, 1, 2);
        try (WriteTracker tracker = WriteTracker.open(p)) {
            tracker.track(a, 64 * PAGE_SIZE);
            assertThat(tracker.collect(a, a + 64 * PAGE_SIZE)).as("pages written before tracking").isEmpty();
            write(a, 3, 4, 10, 63);
            p.load(a + 20 * PAGE_SIZE, new byte[1]);
            List<Range> expected = List.of(pages(a, 3, 5), pages(a, 10, 11), pages(a, 63, 64));
            assertThat(tracker.written(a, a + 64 * PAGE_SIZE)).as("a look leaves them written").isEqualTo(expected);
            assertThat(tracker.collect(a, a + 64 * PAGE_SIZE)).isEqualTo(expected);
            assertThat(tracker.collect(a, a + 64 * PAGE_SIZE)).as("collected pages are protected again").isEmpty();
            write(a, 4);
            assertThat(tracker.collect(a + 4 * PAGE_SIZE, a + 5 * PAGE_SIZE)).containsExactly(pages(a, 4, 5));
            assertThat(p.loadLong(a + 4 * PAGE_SIZE + 8) & 0xff).isEqualTo(5);
        }
    }

    /** More written regions than one scan's vector holds: the scans continue at walk_end. */
    @Test
    void collectsMoreRegionsThanOneVectorHolds() {
        int n = 4096;
        long a = Syscalls.anon(p, n);
        List<Range> expected = new ArrayList<>();
        try (WriteTracker tracker = WriteTracker.open(p)) {
            tracker.track(a, n * PAGE_SIZE);
            for (int page = 0; page < n; page += 2) {
                write(a, page);
                expected.add(pages(a, page, page + 1));
            }
            write(a, n - 1);
            expected.set(expected.size() - 1, pages(a, n - 2, n));
            assertThat(tracker.collect(a, a + n * PAGE_SIZE)).isEqualTo(expected);
            assertThat(tracker.collect(a, a + n * PAGE_SIZE)).isEmpty();
        }
    }

    @Test
    void tracksSharedAnonymousMemory() {
        long s = p.mmap(0, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        try (WriteTracker tracker = WriteTracker.open(p)) {
            tracker.track(s, 8 * PAGE_SIZE);
            write(s, 1, 2, 7);
            assertThat(tracker.collect(s, s + 8 * PAGE_SIZE)).containsExactly(pages(s, 1, 3), pages(s, 7, 8));
            assertThat(tracker.collect(s, s + 8 * PAGE_SIZE)).isEmpty();
        }
    }

    /** CHECK_WPASYNC: memory in the range that is not (or no longer) tracked is EPERM. */
    @Test
    void untrackedMemoryInTheRangeIsEperm() {
        long a = Syscalls.anon(p, 8);
        try (WriteTracker tracker = WriteTracker.open(p)) {
            tracker.track(a, 4 * PAGE_SIZE);
            Syscalls.assertErrno(Errno.EPERM, () -> tracker.collect(a, a + 8 * PAGE_SIZE));
            assertThat(tracker.collect(a, a + 4 * PAGE_SIZE)).isEmpty();
            tracker.untrack(a, 2 * PAGE_SIZE);
            Syscalls.assertErrno(Errno.EPERM, () -> tracker.collect(a, a + 4 * PAGE_SIZE));
            Syscalls.assertErrno(Errno.EINVAL, () -> tracker.track(a + 1, PAGE_SIZE));
        }
    }

    @Test
    void closeReleasesEverythingOnce() {
        String before = p.maps();
        WriteTracker tracker = WriteTracker.open(p);
        assertThat(p.maps()).isNotEqualTo(before);
        tracker.close();
        tracker.close();
        assertThat(p.maps()).isEqualTo(before);
        assertThatThrownBy(() -> tracker.collect(0, PAGE_SIZE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutPermissionOpenFailsAndLeavesNothingBehind() {
        SimProcess unprivileged = kernel.newProcess(false);
        String before = unprivileged.maps();
        Syscalls.assertErrno(Errno.EPERM, () -> WriteTracker.open(unprivileged));
        assertThat(unprivileged.maps()).isEqualTo(before);
    }

    @Test
    void aRangeMustBeWholePages() {
        assertThatThrownBy(() -> new Range(0, PAGE_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Range(PAGE_SIZE, 3 * PAGE_SIZE).length()).isEqualTo(2 * PAGE_SIZE);
    }
}
