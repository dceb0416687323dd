package org.mmkit.core.mm;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/** Process creation and teardown: {@code fork} ({@code kernel/fork.c: dup_mmap}, {@code mm/memory.c: copy_page_range}) and {@code exit} ({@code exit_mmap}). */
final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * {@code copy_process}: the child gets a copy of the descriptor table ({@code copy_files}),
     * then of the address space; userfaultfd's FORK events are sent last
     * ({@code dup_userfaultfd_complete}), the parent's calling thread waiting until each is read.
     * A parent that exits meanwhile takes the child with it.
     */
    static Task fork(Task parent) {
        Mm from = parent.mm;
        Mm to = new Mm(parent.machine);
        Task child = new Task(parent.machine, parent.privileged, to, parent.limits.copy());
        child.files.copyFrom(parent.files);
        UffdEvents events = new UffdEvents();
        // dup_mmap: the counters of the VMAs start as the parent's; locked_vm starts at 0 (mm_init)
        to.totalVm = from.totalVm;
        to.dataVm = from.dataVm;
        to.execVm = from.execVm;
        to.stackVm = from.stackVm;
        to.startBrk = from.startBrk;
        to.brk = from.brk;
        for (var entry : from.vmas.entries()) {
            Vma vma = entry.value();
            if (vma.has(VmFlags.DONTCOPY)) {
                to.vmStatAccount(vma.flags, -vma.pages());
                continue;
            }
            Vma copy = vma.copy(to, vma.start, vma.end, vma.pgoff);
            copy.flags &= ~VmFlags.LOCKED_MASK;
            events.forkPrep(copy, child); // dup_userfaultfd
            boolean wipe = vma.has(VmFlags.WIPEONFORK);
            if (wipe) {
                copy.unlinkAnonVmas();
            } else if (vma.anonVma != null) {
                // anon_vma_fork: the copy keeps the parent's chain and gets an anon_vma of its own
                copy.linkAnonVma(new AnonVma(vma.anonVma));
            }
            to.link(copy);
            // vma_needs_copy: page tables that faults cannot rebuild — anonymous pages, guard
            // markers, which VM_MAYBE_GUARD says may be there even after the anon_vma went, and
            // uffd-wp state where the child's VMA stays registered in WP mode
            if (!wipe && (vma.anonVma != null || vma.has(VmFlags.MAYBE_GUARD) || copy.has(VmFlags.UFFD_WP))) {
                copyPageRange(from, to, vma, copy);
            }
        }
        // dup_mm: the child's high-water marks start at what it holds
        to.hiwaterRss = to.rssPages();
        to.hiwaterVm = to.totalVm;
        try {
            events.complete(from);
        } catch (RuntimeException e) {
            if (child.mm != null) {
                exit(child); // copy_process fails on the parent's fatal signal: the child never runs
            }
            throw e;
        }
        return child;
    }

    /**
     * {@code copy_page_range}: the child maps the same pages; in COW mappings both sides lose
     * write access and anonymous pages stop being exclusive; the child's entries are old, and
     * keep uffd-wp only as {@link UffdWriteProtect#forkEntry} says for the child's VMA.
     */
    private static void copyPageRange(Mm from, Mm to, Vma vma, Vma child) {
        PhysicalMemory memory = from.memory;
        PageWalk.walk(from.pageTables, vma.start, vma.end, (va, pte, table, index) -> {
            if (Mm.isSwapEntry(pte)) {
                copySwapEntry(from, to, child, va, pte, table, index);
                return;
            }
            if (!PteLayout.isPresent(pte)) {
                long copied = pte == 0 ? 0 : UffdWriteProtect.forkEntry(child, pte);
                if (copied != 0) {
                    to.updatePte(va, copied); // PTE markers
                }
                return;
            }
            int pfn = (int) PteLayout.pfn(pte);
            if (!PteLayout.isSpecial(pte) && memory.test(pfn, PhysicalMemory.PG_ANON)) {
                memory.clear(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
            }
            long copy = pte;
            if (vma.isCow() && PteLayout.isWritable(pte)) {
                copy &= ~PteLayout.RW;
                from.updatePte(table, index, pte, copy);
            }
            if (vma.has(VmFlags.SHARED)) {
                copy &= ~PteLayout.DIRTY;
            }
            to.mapPage(va, pfn, UffdWriteProtect.forkEntry(child, copy & ~PteLayout.ACCESSED));
        });
    }

    /**
     * {@code copy_nonpresent_pte} for a swap entry: the slot gains a count, and neither side may
     * treat the page as exclusive any more; the child's entry keeps uffd-wp as a present PTE's
     * copy does above ({@link UffdWriteProtect#forkEntry}).
     */
    private static void copySwapEntry(Mm from, Mm to, Vma child, long va, long pte, int table, int index) {
        from.machine.swap.area(pte).duplicate(SwapEntryLayout.offset(pte));
        long shared = pte & ~SwapEntryLayout.EXCLUSIVE;
        if (shared != pte) {
            from.updatePte(table, index, pte, shared);
        }
        to.copySwapEntry(va, UffdWriteProtect.forkEntry(child, shared));
    }

    /** {@code exit_mmap} and {@code exit_files}: frees the address space and closes every descriptor. */
    static void exit(Task task) {
        task.mm.unmapAll();
        task.files.closeAll();
        task.machine.tasks.remove(task);
        task.mm = null;
    }
}
