package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_MASK;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.UFFD_FEATURE_SIGBUS;
import static org.mmkit.core.Uapi.UFFD_PAGEFAULT_FLAG_MINOR;
import static org.mmkit.core.Uapi.UFFD_PAGEFAULT_FLAG_WP;
import static org.mmkit.core.Uapi.UFFD_PAGEFAULT_FLAG_WRITE;
import static org.mmkit.core.Uapi.UFFD_USER_MODE_ONLY;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The one fault path ({@code handle_mm_fault} and what it calls in {@code mm/memory.c}): every
 * CPU access that misses, every populate and GUP and every kernel access to user memory goes
 * through {@link #resolve}, which calls {@link #handle} until the PTE allows the access or the
 * fault fails. The outcome is a {@link VmFault}, which alone decides the signal or errno.
 * Every method requires the machine lock.
 */
final class Fault {
    private Fault() {
    }

    /**
     * Passes of {@link #handle} that may end in DONE or RETRY without the PTE allowing the access
     * (a uffd-wp marker is cleared, then the empty PTE is faulted): more means the model is wrong.
     */
    private static final int MAX_PASSES = 4;

    /** Pages mapped around a read fault on a file mapping ({@code fault_around_bytes} 64 KiB). */
    private static final int FAULT_AROUND_PAGES = 16;

    /**
     * {@code vm_page_prot} on x86-64 ({@code vm_get_page_prot}, {@code vma_set_page_prot}): the
     * PTE protection bits a VMA's pages get. A shared writable VMA registered in userfaultfd WP
     * mode, or tracked for soft-dirty, wants write notification ({@code vma_wants_writenotify}),
     * so its pages start read-only and a first write goes through {@code do_wp_page}.
     */
    static long pageProt(Vma vma) {
        long vmFlags = vma.flags;
        if ((vmFlags & VmFlags.ACCESS) == 0) {
            return PteLayout.PAGE_NONE;
        }
        long prot = PteLayout.PRESENT | PteLayout.USER | PteLayout.ACCESSED;
        if ((vmFlags & VmFlags.EXEC) == 0) {
            prot |= PteLayout.NX;
        }
        if ((vmFlags & (VmFlags.SHARED | VmFlags.WRITE | VmFlags.UFFD_WP)) == (VmFlags.SHARED | VmFlags.WRITE)
                && !SoftDirty.tracking(vma)) {
            prot |= PteLayout.RW;
        }
        return prot;
    }

    /**
     * {@code pte_mkuffd_wp} where the fault replaces a uffd-wp marker ({@code vmf_orig_pte_uffd_wp}):
     * the new PTE keeps the protection, read-only.
     */
    private static long keepUffdWp(long pte, boolean uffdWp) {
        return uffdWp ? (pte | PteLayout.UFFD_WP) & ~PteLayout.RW : pte;
    }

    /** {@code maybe_mkwrite(pte_mkdirty(pte))}: soft-dirty too where the option is built in. */
    private static long mkWriteDirty(long pte, Vma vma) {
        pte = SoftDirty.mkDirty(vma.mm, pte | PteLayout.ACCESSED);
        return vma.has(VmFlags.WRITE) ? pte | PteLayout.RW : pte;
    }

    /** Whether {@code pte} already allows the access without a fault. */
    static boolean satisfies(long pte, boolean write) {
        return (pte & PteLayout.PRESENT) != 0 && (pte & PteLayout.USER) != 0
                && (!write || (pte & PteLayout.RW) != 0);
    }

    /**
     * {@code gup_must_unshare} for a present PTE: an anonymous page that may still be shared by
     * COW ({@code !PageAnonExclusive}) must be unshared before a read-only pin may hold it.
     */
    static boolean mustUnshare(PhysicalMemory memory, long pte) {
        int pfn = (int) PteLayout.pfn(pte);
        return !PteLayout.isSpecial(pte) && memory.test(pfn, PhysicalMemory.PG_ANON)
                && !memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
    }

    /** Whether the PTE allows the fault's access: with {@link FaultFlags#UNSHARE}, only once the page is exclusive. */
    private static boolean allows(Mm mm, long pte, int flags) {
        return satisfies(pte, FaultFlags.isWrite(flags))
                && ((flags & FaultFlags.UNSHARE) == 0 || !mustUnshare(mm.memory, pte));
    }

    /**
     * Faults at {@code addr} until the PTE allows the access, as the CPU re-executes a faulting
     * instruction and GUP re-walks after {@code faultin_page}: DONE and RETRY walk again, BLOCKED
     * sleeps on {@code waiter} (releasing the machine lock) and retries with
     * {@link FaultFlags#TRIED}. Returns DONE once the PTE allows the access, else the failure.
     * After a sleep the kernel may have been closed (this throws {@link IllegalStateException})
     * or the process may have exited, leaving {@code mm} empty: the fault then fails with MAPERR
     * and the caller reports the exit.
     *
     * @param waiter the caller's wait entry, required when {@code flags} allow retry
     */
    static VmFault resolve(Mm mm, long addr, int flags, WaitQueue.Entry waiter) {
        return resolve(mm, addr, flags, waiter, false);
    }

    /**
     * {@link #resolve(Mm, long, int, WaitQueue.Entry)} for GUP ({@code gup}): {@code check_vma_flags}
     * has judged the VMA already, so the arch handler's checks do not apply, and a page counts as
     * there once its PTE is present, a {@code PROT_NONE} one too ({@code follow_page_pte} follows
     * it: {@code gup_can_follow_protnone} without {@code FOLL_HONOR_NUMA_FAULT}). Only a forced
     * read ({@code FOLL_FORCE}, /proc/PID/mem) reaches a {@code PROT_NONE} VMA this way.
     */
    static VmFault resolve(Mm mm, long addr, int flags, WaitQueue.Entry waiter, boolean gup) {
        mm.machine.assertLocked();
        if (FaultFlags.mayRetry(flags) != (waiter != null)) {
            throw new IllegalArgumentException("a fault that may retry needs a wait entry, and only it");
        }
        long va = addr & PAGE_MASK;
        for (int pass = 0; ; pass++) {
            long pte = mm.pte(va);
            if (gup ? PteLayout.isPresent(pte) && (!FaultFlags.isWrite(flags) || canFollowWrite(mm, va, pte))
                    && ((flags & FaultFlags.UNSHARE) == 0 || !mustUnshare(mm.memory, pte)) : allows(mm, pte, flags)) {
                return VmFault.DONE;
            }
            if (pass == MAX_PASSES) {
                throw new IllegalStateException("fault at 0x" + Long.toHexString(addr) + " did not resolve");
            }
            VmFault outcome = handle(mm, addr, flags, waiter, gup);
            switch (outcome) {
                case DONE -> { }
                case RETRY -> flags |= FaultFlags.TRIED;
                case BLOCKED -> {
                    waiter.sleepLocked();
                    flags |= FaultFlags.TRIED;
                    pass = -1; // someone else made progress; the new state is faulted afresh
                }
                default -> {
                    return outcome;
                }
            }
        }
    }

    /**
     * {@code can_follow_write_pte}: GUP may write through a writable PTE, and, where
     * {@code check_vma_flags} let a write into a VMA without VM_WRITE (only {@code FOLL_FORCE}
     * does, and only in a private VMA with VM_MAYWRITE), through a read-only PTE of an exclusive
     * anonymous page, which the forced write fault's COW break or reuse has made, unless
     * userfaultfd write-protects it.
     */
    private static boolean canFollowWrite(Mm mm, long va, long pte) {
        if (PteLayout.isWritable(pte)) {
            return true;
        }
        Vma vma = mm.vmaAt(va);
        int pfn = (int) PteLayout.pfn(pte);
        return !vma.has(VmFlags.WRITE) && !vma.has(VmFlags.SHARED) && !PteLayout.isSpecial(pte)
                && mm.memory.test(pfn, PhysicalMemory.PG_ANON) && mm.memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE)
                && !(vma.has(VmFlags.UFFD_WP) && PteLayout.isUffdWp(pte));
    }

    /**
     * {@code handle_mm_fault} for an access at {@code addr}, with the arch handler's VMA checks
     * before it ({@code do_user_addr_fault}: {@code bad_area}, {@code access_error}; GUP's
     * {@code check_vma_flags} agrees for the accesses the model makes). One pass: DONE does not
     * promise the PTE now allows the access, only that walking again is right.
     */
    static VmFault handle(Mm mm, long addr, int flags, WaitQueue.Entry waiter, boolean gup) {
        Vma vma = mm.vmaAt(addr);
        if (vma == null) {
            return VmFault.MAPERR;
        }
        boolean write = FaultFlags.isWrite(flags);
        if (!gup && (write ? !vma.has(VmFlags.WRITE) : (vma.flags & VmFlags.ACCESS) == 0)) {
            return VmFault.ACCERR;
        }
        long va = addr & PAGE_MASK;
        long pte = mm.pte(va);
        if (pte == 0) {
            return doPteMissing(mm, vma, addr, flags, waiter, false);
        }
        if (PteLayout.isSwapFormat(pte)) {
            return doSwapPage(mm, vma, addr, flags, pte, waiter);
        }
        if ((write || (flags & FaultFlags.UNSHARE) != 0) && !PteLayout.isWritable(pte)) {
            return doWpPage(mm, vma, addr, flags, pte, waiter);
        }
        // handle_pte_fault: a write to a writable PTE gets pte_mkdirty, so soft-dirty too
        mm.updatePte(va, write ? SoftDirty.mkDirty(mm, pte | PteLayout.ACCESSED) : pte | PteLayout.ACCESSED);
        return VmFault.DONE;
    }

    /**
     * {@code do_pte_missing}: an empty PTE at {@code addr}. {@code uffdWp}: the PTE held a
     * uffd-wp marker, whose protection the new PTE keeps.
     */
    private static VmFault doPteMissing(Mm mm, Vma vma, long addr, int flags, WaitQueue.Entry waiter, boolean uffdWp) {
        return vma.file == null ? anonymousFault(mm, vma, addr, flags, waiter, uffdWp)
                : fileFault(mm, vma, addr, flags, waiter, uffdWp);
    }

    /**
     * {@code handle_userfault}: hands a fault at {@code addr} to the VMA's userfaultfd for
     * {@code reason} (one of {@link VmFlags#UFFD_MISSING}, {@link VmFlags#UFFD_WP},
     * {@link VmFlags#UFFD_MINOR}). The thread queues its message and the fault returns BLOCKED:
     * {@link #resolve} sleeps with the lock released until a resolving ioctl, WAKE, UNREGISTER or
     * close wakes it, then faults again. SIGBUS instead when the VMA has no context, the context
     * asked for UFFD_FEATURE_SIGBUS, it handles user-mode faults only and this one is the
     * kernel's (a uaccess or GUP, whose caller then sees EFAULT), or the fault may not drop the lock.
     */
    static VmFault handleUserfault(Vma vma, long addr, int flags, long reason, WaitQueue.Entry waiter) {
        UserfaultfdCtx ctx = vma.uffdCtx;
        if (ctx == null || ctx.has(UFFD_FEATURE_SIGBUS)
                || ((flags & FaultFlags.USER) == 0 && (ctx.flags & UFFD_USER_MODE_ONLY) != 0)
                || !FaultFlags.mayRetry(flags)) {
            return VmFault.SIGBUS;
        }
        long pageflags = (FaultFlags.isWrite(flags) ? UFFD_PAGEFAULT_FLAG_WRITE : 0)
                | (reason == VmFlags.UFFD_WP ? UFFD_PAGEFAULT_FLAG_WP : 0)
                | (reason == VmFlags.UFFD_MINOR ? UFFD_PAGEFAULT_FLAG_MINOR : 0);
        ctx.enqueueFaultLocked(waiter, ctx.faultMessage(addr, addr & PAGE_MASK, pageflags, waiter.tid));
        return VmFault.BLOCKED;
    }

    /**
     * {@code do_swap_page}: a non-present, non-empty PTE; PTE markers go to
     * {@link #handlePteMarker}. The folio comes from the swap cache if it holds the slot (a page
     * read ahead counts a readahead hit); else a slot only this entry points at is read into a new
     * page directly (the model's areas are synchronous devices: {@code SWP_SYNCHRONOUS_IO} skips
     * the swap cache), and any other through the swap cache with readahead around it
     * ({@link SwapReadahead}). The entry's slot count drops; a write that leaves the
     * swap cache the only other holder frees the slot ({@code should_try_to_free_swap}). The page
     * is exclusive when the entry says so or the folio is new outside the swap cache, or when
     * nothing else holds it; an exclusive page is mapped writable in a VM_WRITE VMA (unless
     * uffd-wp, or clean in a VMA tracked for soft-dirty: {@code pte_needs_soft_dirty_wp}), dirty on
     * a write; else the write faults again into {@code do_wp_page}. The entry's soft-dirty and
     * uffd-wp bits go to the PTE.
     */
    private static VmFault doSwapPage(Mm mm, Vma vma, long addr, int flags, long pte, WaitQueue.Entry waiter) {
        if (SwapEntryLayout.isMarker(pte)) {
            return handlePteMarker(mm, vma, addr, flags, pte, waiter);
        }
        Swap swap = mm.machine.swap;
        SwapArea area = swap.area(pte);
        long offset = SwapEntryLayout.offset(pte);
        PhysicalMemory memory = mm.memory;
        int pfn = swap.lookup(pte);
        boolean fresh = false;
        if (pfn != 0) {
            memory.get(pfn);
            swap.readahead.hit(vma, addr, pfn);
        } else if (area.count(offset) == 1) {
            pfn = newAnonPage(mm, vma, addr);
            if (pfn < 0) {
                return VmFault.OOM;
            }
            memory.clear(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
            area.read(offset, memory.contents(pfn));
            fresh = true;
        } else {
            pfn = swap.readahead.swapin(mm, vma, addr, pte);
            if (pfn < 0) {
                return VmFault.OOM;
            }
        }
        boolean write = FaultFlags.isWrite(flags);
        area.put(offset); // swap_free_nr
        if (swap.inCache(pfn) && (vma.has(VmFlags.LOCKED) || (write && memory.refcount(pfn) == 2))) {
            swap.freeSwap(pfn);
        }
        mm.swapEntries--;
        long mapped = PteLayout.make(pfn, pageProt(vma));
        if ((pte & SwapEntryLayout.SOFT_DIRTY) != 0) {
            mapped |= PteLayout.SOFT_DIRTY;
        }
        if ((pte & SwapEntryLayout.UFFD_WP) != 0) {
            mapped |= PteLayout.UFFD_WP;
        }
        if ((pte & SwapEntryLayout.EXCLUSIVE) != 0 || fresh || memory.refcount(pfn) == 1) {
            if (vma.has(VmFlags.WRITE) && !(vma.has(VmFlags.UFFD_WP) && PteLayout.isUffdWp(mapped))
                    && !SoftDirty.needsWriteFault(vma, mapped)) {
                mapped = write ? mkWriteDirty(mapped, vma) : mapped | PteLayout.RW;
            }
            memory.set(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
        }
        mm.updatePte(addr, 0);
        mm.mapPage(addr, pfn, mapped);
        memory.put(pfn);
        return VmFault.DONE;
    }

    /**
     * {@code handle_pte_marker}: poison wins over everything ({@code VM_FAULT_HWPOISON}), a guard
     * is fatal ({@code VM_FAULT_SIGSEGV}); a uffd-wp marker left in a VMA that is no longer
     * uffd-wp registered is cleared and the access faults again on the empty PTE
     * ({@code pte_marker_handle_uffd_wp}, {@code pte_marker_clear}); in a registered VMA it is a
     * missing fault ({@code do_pte_missing}). A marker with no known bit is SIGBUS.
     */
    private static VmFault handlePteMarker(Mm mm, Vma vma, long addr, int flags, long pte, WaitQueue.Entry waiter) {
        long marker = PteMarkerLayout.bits(pte);
        if ((marker & PteMarkerLayout.POISONED) != 0) {
            return VmFault.HWPOISON;
        }
        if ((marker & PteMarkerLayout.GUARD) != 0) {
            return VmFault.SIGSEGV;
        }
        if ((marker & PteMarkerLayout.UFFD_WP) != 0) {
            if (!vma.has(VmFlags.UFFD_WP)) {
                mm.updatePte(addr & PAGE_MASK, 0);
                return VmFault.DONE;
            }
            return doPteMissing(mm, vma, addr, flags, waiter, true);
        }
        return VmFault.SIGBUS;
    }

    /**
     * {@code do_anonymous_page}: the shared zero page on read (unless the kernel forbids it:
     * {@code mm_forbids_zeropage}), else a new exclusive page, writable and dirty in a VM_WRITE
     * mapping even when a read faulted it in; either keeps a uffd-wp marker's protection. A VMA
     * registered for missing faults hands either to userfaultfd instead, after the VMA got its
     * anon_vma on the private-page path ({@code vmf_anon_prepare}).
     */
    private static VmFault anonymousFault(Mm mm, Vma vma, long addr, int flags, WaitQueue.Entry waiter, boolean uffdWp) {
        long va = addr & PAGE_MASK;
        long prot = pageProt(vma);
        if (!FaultFlags.isWrite(flags) && mm.machine.config.sharedZeroPage()) {
            if (vma.has(VmFlags.UFFD_MISSING)) {
                return handleUserfault(vma, addr, flags, VmFlags.UFFD_MISSING, waiter);
            }
            mm.mapPage(va, PhysicalMemory.ZERO_PFN, keepUffdWp(zeroPagePte(vma), uffdWp));
            return VmFault.DONE;
        }
        mm.anonVma(vma);
        if (vma.has(VmFlags.UFFD_MISSING)) {
            return handleUserfault(vma, addr, flags, VmFlags.UFFD_MISSING, waiter);
        }
        int pfn = newAnonPage(mm, vma, va);
        if (pfn < 0) {
            return VmFault.OOM;
        }
        long pte = PteLayout.make(pfn, prot);
        mm.mapPage(va, pfn, keepUffdWp(vma.has(VmFlags.WRITE) ? mkWriteDirty(pte, vma) : pte, uffdWp));
        mm.memory.put(pfn);
        return VmFault.DONE;
    }

    /** The PTE of the shared zero page in {@code vma}: special, read-only, clean. */
    static long zeroPagePte(Vma vma) {
        return PteLayout.make(PhysicalMemory.ZERO_PFN, pageProt(vma)) | PteLayout.SPECIAL;
    }

    /**
     * A zeroed anonymous page of {@code vma} at {@code va}, exclusive to it
     * ({@code folio_prealloc} + {@code folio_add_new_anon_rmap}); the caller owns one reference.
     * A page of a VM_DROPPABLE VMA is not swap-backed: reclaim drops it, written or not.
     * -1 when memory is exhausted.
     */
    static int newAnonPage(Mm mm, Vma vma, long va) {
        AnonVma anonVma = mm.anonVma(vma);
        int pfn = mm.machine.allocatePage(Gfp.HIGHUSER_MOVABLE);
        if (pfn >= 0) {
            int swapBacked = vma.has(VmFlags.DROPPABLE) ? 0 : PhysicalMemory.PG_SWAPBACKED;
            mm.memory.set(pfn, PhysicalMemory.PG_ANON | PhysicalMemory.PG_ANON_EXCLUSIVE | swapBacked);
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
     * Below EOF, userfaultfd decides first ({@code shmem_get_folio_gfp}): a cached page is a
     * minor fault of a VMA registered MINOR, a missing page a missing fault of one registered
     * MISSING; such VMAs and WP ones do no fault-around ({@code uffd_disable_fault_around}), and
     * map only the faulting page, keeping a uffd-wp marker's protection ({@code set_pte_range}).
     */
    private static VmFault fileFault(Mm mm, Vma vma, long addr, int flags, WaitQueue.Entry waiter, boolean uffdWp) {
        long va = addr & PAGE_MASK;
        boolean write = FaultFlags.isWrite(flags);
        ShmemFile file = vma.file;
        long index = vma.pageIndex(va);
        if (!write && !vma.has(VmFlags.UFFD_WP | VmFlags.UFFD_MINOR) && faultAround(mm, vma, va)) {
            return VmFault.DONE;
        }
        if (write && !vma.has(VmFlags.SHARED)) {
            mm.anonVma(vma);
        }
        if (index >= file.sizePages()) {
            return VmFault.SIGBUS;
        }
        // shmem_get_folio_gfp: a page or a swap entry in the cache is a minor fault
        long reason = file.pageCache.load(index) != 0 ? VmFlags.UFFD_MINOR : VmFlags.UFFD_MISSING;
        if (vma.has(reason)) {
            return handleUserfault(vma, addr, flags, reason, waiter);
        }
        long prot = pageProt(vma);
        int cached = cachePage(mm, file, index);
        if (cached < 0) {
            return VmFault.OOM;
        }
        if (write && !vma.has(VmFlags.SHARED)) {
            mm.memory.get(cached); // held across the allocation, which may reclaim
            int copy = newAnonPage(mm, vma, va);
            if (copy >= 0) {
                mm.memory.copy(cached, copy);
            }
            mm.memory.put(cached);
            if (copy < 0) {
                return VmFault.OOM;
            }
            mm.mapPage(va, copy, keepUffdWp(mkWriteDirty(PteLayout.make(copy, prot), vma), uffdWp));
            mm.memory.put(copy);
            return VmFault.DONE;
        }
        long pte = PteLayout.make(cached, prot);
        if (write) {
            mm.mapPage(va, cached, keepUffdWp(mkWriteDirty(pte, vma), uffdWp));
            mm.memory.set(cached, PhysicalMemory.PG_DIRTY);
        } else {
            mm.mapPage(va, cached, keepUffdWp(pte, uffdWp));
        }
        return VmFault.DONE;
    }

    /**
     * {@code shmem_get_folio(SGP_CACHE)}: the cached page at {@code index}, read back from swap,
     * or allocated if absent, and made up to date (a fallocated page is still zero); -1 on OOM.
     */
    static int cachePage(Mm mm, ShmemFile file, long index) {
        if (!file.swapIn(index)) {
            return -1;
        }
        int pfn = file.lookup(index);
        if (pfn >= 0) {
            mm.memory.set(pfn, PhysicalMemory.PG_UPTODATE);
        } else {
            pfn = mm.machine.allocatePage(Gfp.HIGHUSER_MOVABLE);
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
        long vmaOff = (va - vma.start) >>> PAGE_SHIFT;
        long from = Math.max(pteOff & -FAULT_AROUND_PAGES, pteOff - Math.min(pteOff, vmaOff));
        long to = Math.min(Math.min(from + FAULT_AROUND_PAGES, PageTables.ENTRIES), pteOff + vma.pages() - vmaOff);
        long prot = pageProt(vma);
        long fileEnd = vma.file.sizePages();
        boolean mappedFaulting = false;
        for (long i = from; i < to; i++) {
            long addr = va + ((i - pteOff) << PAGE_SHIFT);
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
     * {@code do_wp_page}: a write to a present read-only PTE (of a writable VMA, or of a read-only
     * private one for a forced GUP write, whose PTE then stays read-only), or an unshare
     * ({@link FaultFlags#UNSHARE}: a read-only pin of a page COW may still share). First the
     * uffd-wp check ({@code userfaultfd_pte_wp}, not for an unshare): a write-protected PTE of a
     * uffd-wp registered VMA is handed to userfaultfd before any COW or reuse, unless the context
     * resolves such faults itself ({@code userfaultfd_wp_async}): then the uffd-wp bit goes and the
     * write goes on as if it had never been there. A shared page
     * becomes writable and its folio dirty ({@code wp_page_shared}, {@code fault_dirty_shared_page});
     * an unshare leaves shared mappings alone. An exclusive (or reusable) anonymous page is reused;
     * an unshare only marks it exclusive and keeps it read-only. Otherwise {@code wp_page_copy}:
     * a write maps the copy writable and dirty, an unshare maps it as the VMA's protection says,
     * clean, keeping the old PTE's soft-dirty and uffd-wp bits.
     */
    private static VmFault doWpPage(Mm mm, Vma vma, long addr, int flags, long pte, WaitQueue.Entry waiter) {
        long va = addr & PAGE_MASK;
        boolean unshare = (flags & FaultFlags.UNSHARE) != 0;
        if (!unshare && vma.has(VmFlags.UFFD_WP) && PteLayout.isUffdWp(pte)) {
            if (!UffdWriteProtect.isAsync(vma)) {
                return handleUserfault(vma, addr, flags, VmFlags.UFFD_WP, waiter);
            }
            pte &= ~PteLayout.UFFD_WP;
            mm.updatePte(va, pte);
        }
        if (vma.has(VmFlags.SHARED) && unshare) {
            return VmFault.DONE;
        }
        if (vma.has(VmFlags.SHARED)) {
            mm.updatePte(va, mkWriteDirty(pte, vma));
            mm.memory.set((int) PteLayout.pfn(pte), PhysicalMemory.PG_DIRTY);
            return VmFault.DONE;
        }
        int pfn = (int) PteLayout.pfn(pte);
        PhysicalMemory memory = mm.memory;
        if (!PteLayout.isSpecial(pte) && memory.test(pfn, PhysicalMemory.PG_ANON)
                && (memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE) || canReuseAnon(mm, pfn))) {
            memory.set(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
            if (!unshare) {
                mm.updatePte(va, mkWriteDirty(pte, vma));
            }
            return VmFault.DONE;
        }
        // wp_page_copy holds the old page across the allocation, which may reclaim
        boolean special = PteLayout.isSpecial(pte);
        if (!special) {
            memory.get(pfn);
        }
        int copy = newAnonPage(mm, vma, va);
        boolean unchanged = mm.pte(va) == pte; // pte_same: reclaim may have unmapped the page meanwhile
        if (!special) {
            if (copy >= 0 && unchanged) {
                memory.copy(pfn, copy);
            }
            memory.put(pfn);
        }
        if (copy < 0) {
            return VmFault.OOM;
        }
        if (!unchanged) {
            memory.put(copy);
            return VmFault.DONE; // walked again
        }
        mm.zapPage(va);
        long copied = PteLayout.make(copy, pageProt(vma));
        mm.mapPage(va, copy, unshare ? copied | (pte & (PteLayout.SOFT_DIRTY | PteLayout.UFFD_WP)) : mkWriteDirty(copied, vma));
        memory.put(copy);
        return VmFault.DONE;
    }

    /**
     * {@code wp_can_reuse_anon_folio}: nothing but this mapping holds the page, once a swap cache
     * whose slot no swap entry needs any more has let it go ({@code folio_free_swap}).
     */
    private static boolean canReuseAnon(Mm mm, int pfn) {
        Swap swap = mm.machine.swap;
        if (mm.memory.refcount(pfn) == 2 && swap.inCache(pfn)) {
            swap.freeSwap(pfn);
        }
        return mm.memory.refcount(pfn) == 1;
    }
}
