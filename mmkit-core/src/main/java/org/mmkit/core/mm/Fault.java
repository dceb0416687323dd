package org.mmkit.core.mm;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/**
 * The one fault path ({@code handle_mm_fault} and what it calls in {@code mm/memory.c}): every
 * CPU access that misses, every populate and every kernel access to user memory goes through
 * {@link #handle}. Callers hold the machine lock.
 */
final class Fault {
    private Fault() {
    }

    /** Outcome of a fault, mapped to a signal by CPU accesses and to an errno by populate. */
    enum Result {
        /** The PTE now allows the access. */
        DONE,
        /** No VMA: SIGSEGV/SEGV_MAPERR. */
        NO_VMA,
        /** The VMA forbids the access: SIGSEGV/SEGV_ACCERR. */
        ACCESS,
        /** Guard marker: SIGSEGV/SEGV_MAPERR ({@code VM_FAULT_SIGSEGV}). */
        GUARD,
        /** Past the end of the file: SIGBUS/BUS_ADRERR. */
        SIGBUS,
        /** No free page frame ({@code VM_FAULT_OOM}). */
        OOM
    }

    /** Pages mapped around a read fault on a file mapping ({@code fault_around_bytes} 64 KiB). */
    private static final int FAULT_AROUND_PAGES = 16;

    /** {@code vm_get_page_prot} on x86-64: the PTE protection bits a VMA's pages get. */
    static long pageProt(long vmFlags) {
        if ((vmFlags & VmFlags.ACCESS) == 0) {
            return PteLayout.PAGE_NONE;
        }
        long prot = PteLayout.PRESENT | PteLayout.USER | PteLayout.ACCESSED;
        if ((vmFlags & VmFlags.EXEC) == 0) {
            prot |= PteLayout.NX;
        }
        if ((vmFlags & (VmFlags.SHARED | VmFlags.WRITE)) == (VmFlags.SHARED | VmFlags.WRITE)) {
            prot |= PteLayout.RW;
        }
        return prot;
    }

    /** {@code maybe_mkwrite(pte_mkdirty(pte))}. */
    private static long mkWriteDirty(long pte, Vma vma) {
        pte |= PteLayout.DIRTY | PteLayout.ACCESSED;
        return vma.has(VmFlags.WRITE) ? pte | PteLayout.RW : pte;
    }

    /** Whether {@code pte} already allows the access without a fault. */
    static boolean satisfies(long pte, boolean write) {
        return (pte & PteLayout.PRESENT) != 0 && (pte & PteLayout.USER) != 0
                && (!write || (pte & PteLayout.RW) != 0);
    }

    /** {@code handle_mm_fault} for a user access at {@code addr}. */
    static Result handle(Mm mm, long addr, boolean write) {
        Vma vma = mm.vmaAt(addr);
        if (vma == null) {
            return Result.NO_VMA;
        }
        if (write ? !vma.has(VmFlags.WRITE) : (vma.flags & VmFlags.ACCESS) == 0) {
            return Result.ACCESS;
        }
        long va = addr & ~0xfffL;
        long pte = mm.pte(va);
        if (pte == 0) {
            return vma.file == null ? anonymousFault(mm, vma, va, write) : fileFault(mm, vma, va, write);
        }
        if (PteLayout.isSwapFormat(pte)) {
            return PteMarkerLayout.isGuard(pte) ? Result.GUARD : Result.SIGBUS;
        }
        if (write && !PteLayout.isWritable(pte)) {
            return writeProtectFault(mm, vma, va, pte);
        }
        mm.pageTables.set(va, pte | PteLayout.ACCESSED | (write ? PteLayout.DIRTY : 0));
        return Result.DONE;
    }

    /**
     * {@code do_anonymous_page}: the shared zero page on read (unless the kernel forbids it:
     * {@code mm_forbids_zeropage}), else a new exclusive page, writable and dirty in a VM_WRITE
     * mapping even when a read faulted it in.
     */
    private static Result anonymousFault(Mm mm, Vma vma, long va, boolean write) {
        long prot = pageProt(vma.flags);
        if (!write && mm.machine.config.sharedZeroPage()) {
            mm.mapPage(va, PhysicalMemory.ZERO_PFN, PteLayout.make(PhysicalMemory.ZERO_PFN, prot) | PteLayout.SPECIAL);
            return Result.DONE;
        }
        int pfn = newAnonPage(mm, vma, va);
        if (pfn < 0) {
            return Result.OOM;
        }
        long pte = PteLayout.make(pfn, prot);
        mm.mapPage(va, pfn, vma.has(VmFlags.WRITE) ? mkWriteDirty(pte, vma) : pte);
        mm.memory.put(pfn);
        return Result.DONE;
    }

    /**
     * A zeroed anonymous page of {@code vma} at {@code va}, exclusive to it
     * ({@code folio_prealloc} + {@code folio_add_new_anon_rmap}); the caller owns one reference.
     */
    private static int newAnonPage(Mm mm, Vma vma, long va) {
        AnonVma anonVma = mm.anonVma(vma);
        int pfn = mm.memory.allocate();
        if (pfn >= 0) {
            mm.memory.set(pfn, PhysicalMemory.PG_ANON | PhysicalMemory.PG_ANON_EXCLUSIVE | PhysicalMemory.PG_SWAPBACKED);
            mm.memory.setOwner(pfn, anonVma, vma.pageIndex(va));
        }
        return pfn;
    }

    /**
     * {@code do_read_fault} / {@code do_cow_fault} / {@code do_shared_fault} on a shmem file; a
     * shared write dirties the folio ({@code fault_dirty_shared_page}), a read leaves it clean.
     * A read fault maps the cached pages around it before {@code shmem_fault} checks EOF, so a
     * read past EOF still maps its neighbours below EOF and then raises SIGBUS; a private write
     * fault prepares the anon_vma before that check ({@code vmf_anon_prepare}), so even one that
     * raises SIGBUS leaves the VMA with an anon_vma, and fork then copies its page tables.
     */
    private static Result fileFault(Mm mm, Vma vma, long va, boolean write) {
        ShmemFile file = vma.file;
        long index = vma.pageIndex(va);
        if (!write && faultAround(mm, vma, va)) {
            return Result.DONE;
        }
        if (write && !vma.has(VmFlags.SHARED)) {
            mm.anonVma(vma);
        }
        if (index >= file.sizePages()) {
            return Result.SIGBUS;
        }
        long prot = pageProt(vma.flags);
        int cached = cachePage(mm, file, index);
        if (cached < 0) {
            return Result.OOM;
        }
        if (write && !vma.has(VmFlags.SHARED)) {
            int copy = newAnonPage(mm, vma, va);
            if (copy < 0) {
                return Result.OOM;
            }
            mm.memory.copy(cached, copy);
            mm.mapPage(va, copy, mkWriteDirty(PteLayout.make(copy, prot), vma));
            mm.memory.put(copy);
            return Result.DONE;
        }
        long pte = PteLayout.make(cached, prot);
        if (write) {
            mm.mapPage(va, cached, mkWriteDirty(pte, vma));
            mm.memory.set(cached, PhysicalMemory.PG_DIRTY);
        } else {
            mm.mapPage(va, cached, pte);
        }
        return Result.DONE;
    }

    /**
     * {@code shmem_get_folio(SGP_CACHE)}: the cached page at {@code index}, allocated if absent
     * and made up to date (a fallocated page is still zero); -1 on OOM.
     */
    static int cachePage(Mm mm, ShmemFile file, long index) {
        int pfn = file.lookup(index);
        if (pfn >= 0) {
            mm.memory.set(pfn, PhysicalMemory.PG_UPTODATE);
        } else {
            pfn = mm.memory.allocate();
            if (pfn >= 0) {
                file.insert(index, pfn, true);
            }
        }
        return pfn;
    }

    /**
     * {@code do_fault_around} + {@code filemap_map_pages}: maps the already cached, up-to-date
     * pages of the aligned 16-page window around {@code va} (clipped to the VMA, the PTE table and
     * the file size) into empty PTEs. Returns whether {@code va} itself got mapped.
     */
    private static boolean faultAround(Mm mm, Vma vma, long va) {
        int pteOff = PageTables.pteIndex(va);
        long vmaOff = (va - vma.start) >>> 12;
        long from = Math.max(pteOff & -FAULT_AROUND_PAGES, pteOff - Math.min(pteOff, vmaOff));
        long to = Math.min(Math.min(from + FAULT_AROUND_PAGES, PageTables.ENTRIES), pteOff + vma.pages() - vmaOff);
        long prot = pageProt(vma.flags);
        long fileEnd = vma.file.sizePages();
        boolean mappedFaulting = false;
        for (long i = from; i < to; i++) {
            long addr = va + ((i - pteOff) << 12);
            long index = vma.pageIndex(addr);
            if (index < fileEnd && vma.file.isUptodate(index) && mm.pte(addr) == 0) {
                int pfn = vma.file.lookup(index);
                mm.mapPage(addr, pfn, PteLayout.make(pfn, prot));
                mappedFaulting |= addr == va;
            }
        }
        return mappedFaulting;
    }

    /**
     * {@code do_wp_page}: a write to a present read-only PTE of a writable VMA. A shared page
     * becomes writable and its folio dirty ({@code wp_page_shared}, {@code fault_dirty_shared_page}).
     */
    private static Result writeProtectFault(Mm mm, Vma vma, long va, long pte) {
        if (vma.has(VmFlags.SHARED)) {
            mm.pageTables.set(va, mkWriteDirty(pte, vma));
            mm.memory.set((int) PteLayout.pfn(pte), PhysicalMemory.PG_DIRTY);
            return Result.DONE;
        }
        int pfn = (int) PteLayout.pfn(pte);
        PhysicalMemory memory = mm.memory;
        if (!PteLayout.isSpecial(pte) && memory.test(pfn, PhysicalMemory.PG_ANON)
                && (memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE) || memory.refcount(pfn) == 1)) {
            memory.set(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
            mm.updatePte(va, mkWriteDirty(pte, vma));
            return Result.DONE;
        }
        int copy = newAnonPage(mm, vma, va);
        if (copy < 0) {
            return Result.OOM;
        }
        if (!PteLayout.isSpecial(pte)) {
            memory.copy(pfn, copy);
        }
        mm.zapPage(va);
        mm.mapPage(va, copy, mkWriteDirty(PteLayout.make(copy, pageProt(vma.flags)), vma));
        memory.put(copy);
        return Result.DONE;
    }

    /**
     * {@code populate_vma_page_range} / {@code faultin_page_range}: faults in every page of
     * [start, end) of one VMA that does not yet allow the access, as GUP would. Stops at the
     * first failure and returns it.
     */
    static Result populate(Mm mm, long start, long end, boolean write) {
        for (long va = start; va < end; va += 4096) {
            if (!satisfies(mm.pte(va), write)) {
                Result r = handle(mm, va, write);
                if (r != Result.DONE) {
                    return r;
                }
            }
            if (write) {
                touchForWrite(mm, mm.pte(va));
            }
        }
        return Result.DONE;
    }

    /**
     * {@code follow_page_pte} with {@code FOLL_TOUCH|FOLL_WRITE}: GUP for write dirties the page
     * it finds even where the PTE already allowed the write without a fault (a read-faulted
     * shared page, say).
     */
    private static void touchForWrite(Mm mm, long pte) {
        if (!PteLayout.isSpecial(pte) && !PteLayout.isDirty(pte)) {
            mm.memory.set((int) PteLayout.pfn(pte), PhysicalMemory.PG_DIRTY);
        }
    }
}
