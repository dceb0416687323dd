package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

/**
 * Private anonymous pages that carry their number, for reclaim tests: page i of a mapping holds the
 * word 1000 + i, so that a page that came back from swap with another page's contents, or as
 * zeros, is caught.
 */
final class NumberedPages {
    private static final long FIRST = 1000;

    private NumberedPages() {
    }

    /** A new mapping of {@code pages} pages of {@code task}, written in address order (the first is the oldest on the LRU). */
    static long map(Task task, int pages) {
        long a = task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (int i = 0; i < pages; i++) {
            task.storeLong(a + i * PAGE_SIZE, FIRST + i);
        }
        return a;
    }

    /** Asserts that each of the {@code pages} pages at {@code a}, as {@code task} reads them, still holds its number. */
    static void assertIntact(Task task, long a, int pages) {
        for (int i = 0; i < pages; i++) {
            assertThat(task.loadLong(a + i * PAGE_SIZE)).as("page %d", i).isEqualTo(FIRST + i);
        }
    }

    /** The PTE of {@code va} in {@code task}'s address space, read under the machine lock. */
    static long pte(Task task, long va) {
        return task.call(() -> task.mm.pte(va));
    }
}
