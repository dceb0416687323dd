package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * {@code follow_page_pte} with {@code FOLL_TOUCH} (mm/gup.c): every page GUP returns is marked
 * accessed ({@code folio_mark_accessed}, mm/swap.c), its PTE's young bit left alone; compared with
 * the kernel in scenarios/fuzz/populate-marks-page-accessed.mms.
 */
class GupTouchTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long pte(long va) {
        return task.call(() -> task.mm.pte(va));
    }

    private boolean referenced(long va) {
        return task.call(() -> task.machine.memory.test((int) PteLayout.pfn(task.mm.pte(va)), PhysicalMemory.PG_REFERENCED));
    }

    private String smapsReferenced() {
        return task.smaps().lines().filter(line -> line.startsWith("Referenced:")).findFirst().orElseThrow();
    }

    @Test
    void populateTogglesTheReferencedFlagOfAPageWhosePteMadvFreeAged() {
        long a = task.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        task.storeLong(a, 1);
        assertThat(referenced(a)).isFalse(); // a fault makes the PTE young, not the page referenced
        task.madvise(a, 2 * PAGE_SIZE, MADV_FREE);
        assertThat(PteLayout.isYoung(pte(a))).isFalse();
        assertThat(smapsReferenced()).isEqualTo("Referenced:            0 kB");

        task.madvise(a, PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(PteLayout.isYoung(pte(a))).isFalse();
        assertThat(referenced(a)).isTrue();
        assertThat(smapsReferenced()).isEqualTo("Referenced:            4 kB");

        task.madvise(a, PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(referenced(a)).isFalse();
        assertThat(smapsReferenced()).isEqualTo("Referenced:            0 kB");
    }

    @Test
    void aPageGupFaultsInIsYoungAndTouched() {
        long a = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        task.madvise(a, PAGE_SIZE, MADV_POPULATE_WRITE);
        assertThat(PteLayout.isYoung(pte(a))).isTrue();
        assertThat(referenced(a)).isTrue();
        task.madvise(a, PAGE_SIZE, MADV_FREE);
        assertThat(smapsReferenced()).isEqualTo("Referenced:            4 kB");
    }
}
