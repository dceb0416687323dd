package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The soft-dirty rules at the PTE level ({@link SoftDirty}, {@link ClearRefsFileOperations}): which
 * paths set bit 11, which PTEs stay read-only while tracking is armed, what clear_refs 4 does to
 * present PTEs, swap entries and markers. The kernel here is built without
 * {@code CONFIG_MEM_SOFT_DIRTY}, so each case follows the Linux 6.18 source it names;
 * scenarios/soft-dirty shows the same rules through pagemap.
 */
class SoftDirtyTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().softDirty(true)
            .swapAreas(List.of(new KernelConfig.SwapSpace(64, -2))).build());
    private final Task task = (Task) kernel.newProcess(true);
    private final long scratch = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    private final int clearRefs = open(task, "/proc/self/clear_refs");

    @AfterEach
    void close() {
        kernel.checkInvariants();
        kernel.close();
    }

    private int open(Task t, String path) {
        t.store(scratch, (path + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return t.openat(AT_FDCWD, scratch, O_WRONLY, 0);
    }

    private void clearSoftDirty() {
        task.store(scratch, "4".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(task.write(clearRefs, scratch, 1)).isEqualTo(1);
    }

    private long pte(long va) {
        return task.call(() -> task.mm.pte(va));
    }

    private Vma vma(long va) {
        return task.call(() -> task.mm.vmaAt(va));
    }

    private long anon(int pages) {
        return task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    /** x86 {@code pte_mkdirty}: a write fault's PTE is dirty and soft-dirty; the default profile has no bit 11. */
    @Test
    void aWriteFaultSetsSoftDirtyOnlyWhereTheOptionIsBuiltIn() {
        long a = anon(1);
        task.storeLong(a, 1);
        assertThat(pte(a) & (PteLayout.DIRTY | PteLayout.SOFT_DIRTY)).isEqualTo(PteLayout.DIRTY | PteLayout.SOFT_DIRTY);
        try (Kernel plain = Kernel.create(KernelConfig.linux618())) {
            Task other = (Task) plain.newProcess(true);
            long b = other.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            other.storeLong(b, 1);
            long pte = other.call(() -> other.mm.pte(b));
            assertThat(PteLayout.isDirty(pte)).isTrue();
            assertThat(PteLayout.isSoftDirty(pte)).isFalse();
            assertThat(other.call(() -> other.mm.vmaAt(b).flags) & VmFlags.SOFTDIRTY).isZero();
        }
    }

    /**
     * The CPU's own dirty bit is not soft-dirty: a write through a PTE that is writable already
     * leaves bit 11 clear. That is why clear_refs write-protects.
     */
    @Test
    void aWriteThroughAWritablePteDoesNotSetSoftDirty() {
        long a = anon(1);
        task.storeLong(a, 1);
        task.call(() -> {
            task.mm.updatePte(a, task.mm.pte(a) & ~(PteLayout.SOFT_DIRTY | PteLayout.DIRTY));
            return null;
        });
        task.storeLong(a, 2);
        assertThat(PteLayout.isDirty(pte(a))).isTrue();
        assertThat(PteLayout.isSoftDirty(pte(a))).isFalse();
    }

    /**
     * {@code clear_soft_dirty}: present PTEs lose bit 11 and write permission, swap entries and
     * PTE markers lose bit 1; every VMA loses VM_SOFTDIRTY. The next write sets the bit again
     * through {@code do_wp_page}'s reuse.
     */
    @Test
    void clearRefsFourWriteProtectsAndClears() {
        long a = anon(3);
        task.storeLong(a, 1);
        task.storeLong(a + PAGE_SIZE, 2);
        task.madvise(a + PAGE_SIZE, PAGE_SIZE, MADV_PAGEOUT);
        long marker = PteMarkerLayout.make(PteMarkerLayout.GUARD) | SwapEntryLayout.SOFT_DIRTY;
        task.call(() -> {
            task.mm.updatePte(a + 2 * PAGE_SIZE, marker);
            return null;
        });
        assertThat(pte(a + PAGE_SIZE) & SwapEntryLayout.SOFT_DIRTY).isNotZero();
        clearSoftDirty();
        assertThat(pte(a) & (PteLayout.RW | PteLayout.SOFT_DIRTY)).isZero();
        assertThat(PteLayout.isPresent(pte(a))).isTrue();
        assertThat(pte(a + PAGE_SIZE) & SwapEntryLayout.SOFT_DIRTY).isZero();
        assertThat(PteLayout.isSwapFormat(pte(a + PAGE_SIZE))).isTrue();
        assertThat(pte(a + 2 * PAGE_SIZE)).isEqualTo(PteMarkerLayout.make(PteMarkerLayout.GUARD));
        assertThat(vma(a).flags & VmFlags.SOFTDIRTY).isZero();
        task.storeLong(a, 3);
        assertThat(pte(a) & (PteLayout.RW | PteLayout.SOFT_DIRTY)).isEqualTo(PteLayout.RW | PteLayout.SOFT_DIRTY);
        task.call(() -> {
            task.mm.updatePte(a + 2 * PAGE_SIZE, 0);
            return null;
        });
    }

    /**
     * {@code vma_wants_writenotify}: a shared writable VMA gets writable PTEs while VM_SOFTDIRTY is
     * set, read-only ones once tracking is armed, so that {@code wp_page_shared} sees the write.
     */
    @Test
    void aTrackedSharedVmaMapsItsPagesReadOnly() {
        long s = task.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        assertThat(task.loadLong(s)).isZero();
        assertThat(PteLayout.isWritable(pte(s))).isTrue();
        clearSoftDirty();
        assertThat(PteLayout.isWritable(pte(s))).isFalse();
        assertThat(task.loadLong(s + PAGE_SIZE)).isZero();
        assertThat(pte(s + PAGE_SIZE) & (PteLayout.RW | PteLayout.SOFT_DIRTY)).isZero();
        task.storeLong(s + PAGE_SIZE, 1);
        assertThat(pte(s + PAGE_SIZE) & (PteLayout.RW | PteLayout.SOFT_DIRTY)).isEqualTo(PteLayout.RW | PteLayout.SOFT_DIRTY);
    }

    /**
     * {@code can_change_pte_writable}: mprotect back to PROT_WRITE leaves a clean PTE of a
     * tracked VMA read-only ({@code pte_needs_soft_dirty_wp}) and makes a soft-dirty one writable.
     */
    @Test
    void mprotectMakesOnlySoftDirtyPtesWritable() {
        long a = anon(2);
        task.storeLong(a, 1);
        task.storeLong(a + PAGE_SIZE, 2);
        clearSoftDirty();
        task.storeLong(a + PAGE_SIZE, 3);
        task.mprotect(a, 2 * PAGE_SIZE, PROT_READ);
        task.mprotect(a, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE);
        assertThat(PteLayout.isWritable(pte(a))).isFalse();
        assertThat(PteLayout.isWritable(pte(a + PAGE_SIZE))).isTrue();
        assertThat(PteLayout.isSoftDirty(pte(a))).isFalse();
        task.storeLong(a, 4);
        assertThat(PteLayout.isSoftDirty(pte(a))).isTrue();
    }

    /**
     * {@code do_swap_page}: an exclusive page comes back writable on a read unless it is clean in
     * a tracked VMA ({@code pte_needs_soft_dirty_wp}); the entry's bit 1 gives bit 11.
     */
    @Test
    void swapInMapsACleanPageOfATrackedVmaReadOnly() {
        long a = anon(2);
        task.storeLong(a, 1);
        task.storeLong(a + PAGE_SIZE, 2);
        clearSoftDirty();
        task.storeLong(a + PAGE_SIZE, 3);
        task.madvise(a, 2 * PAGE_SIZE, MADV_PAGEOUT);
        assertThat(task.loadLong(a)).isEqualTo(1);
        assertThat(task.loadLong(a + PAGE_SIZE)).isEqualTo(3);
        assertThat(pte(a) & (PteLayout.RW | PteLayout.SOFT_DIRTY)).isZero();
        assertThat(pte(a + PAGE_SIZE) & (PteLayout.RW | PteLayout.SOFT_DIRTY)).isEqualTo(PteLayout.RW | PteLayout.SOFT_DIRTY);
    }

    /** {@code move_soft_dirty_pte}: mremap marks every entry it moves, present PTEs and swap entries. */
    @Test
    void mremapMarksWhatItMoves() {
        long a = anon(3);
        task.storeLong(a, 1);
        task.storeLong(a + PAGE_SIZE, 2);
        task.madvise(a + PAGE_SIZE, PAGE_SIZE, MADV_PAGEOUT);
        clearSoftDirty();
        long b = task.mremap(a, 3 * PAGE_SIZE, 3 * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED, a + (64 << 20));
        assertThat(PteLayout.isSoftDirty(pte(b))).isTrue();
        assertThat(pte(b + PAGE_SIZE) & SwapEntryLayout.SOFT_DIRTY).isNotZero();
        assertThat(pte(b + 2 * PAGE_SIZE)).isZero();
        assertThat(vma(b).flags & VmFlags.SOFTDIRTY).isZero();
    }

    /** {@code do_brk_flags}: the heap VMA brk grows is soft-dirty again after a clear. */
    @Test
    void brkGrowthSetsTheFlag() {
        long start = task.brk(0);
        task.brk(start + PAGE_SIZE);
        assertThat(vma(start).flags & VmFlags.SOFTDIRTY).isNotZero();
        clearSoftDirty();
        assertThat(vma(start).flags & VmFlags.SOFTDIRTY).isZero();
        task.brk(start + 2 * PAGE_SIZE);
        assertThat(vma(start).flags & VmFlags.SOFTDIRTY).isNotZero();
        assertThat(vma(start).end).isEqualTo(start + 2 * PAGE_SIZE);
    }

    /** In the default profile clear_refs 4 changes nothing: PTEs keep write permission and the accessed bit. */
    @Test
    void fourIsANoOpWithoutTheOption() {
        try (Kernel plain = Kernel.create(KernelConfig.linux618())) {
            Task other = (Task) plain.newProcess(true);
            long b = other.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            other.storeLong(b + PAGE_SIZE, 1);
            long before = other.call(() -> other.mm.pte(b + PAGE_SIZE));
            other.store(b, "/proc/self/clear_refs\0".getBytes(StandardCharsets.ISO_8859_1));
            int fd = other.openat(AT_FDCWD, b, O_WRONLY, 0);
            other.store(b, "4".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(other.write(fd, b, 1)).isEqualTo(1);
            assertThat(other.call(() -> other.mm.pte(b + PAGE_SIZE))).isEqualTo(before);
            plain.checkInvariants();
        }
    }
}
