package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioCopyLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioZeropageLayout;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/**
 * The ioctls that fill missing pages of a registered range ({@code mfill_atomic} in
 * {@code mm/userfaultfd.c}, with their front ends in {@code fs/userfaultfd.c}): COPY, ZEROPAGE,
 * CONTINUE and POISON. Each fills page by page within one registered VMA, writes the bytes done
 * (or -errno) into the struct's result field, wakes the filled range unless DONTWAKE, and reports
 * a partial fill as EAGAIN. Called with the machine lock held; COPY may drop it while reading its
 * source, as the kernel copies the source outside the mmap lock when it faults.
 */
final class UffdFill {
    private UffdFill() {
    }

    /** {@code MFILL_ATOMIC_*}: what one page of the range gets. */
    private enum Mode {
        COPY, ZEROPAGE, CONTINUE, POISON
    }

    /**
     * {@code userfaultfd_copy}: the source may be unaligned ({@code validate_unaligned_range}),
     * the destination not; modes DONTWAKE and WP only.
     */
    static long copy(UserfaultfdCtx ctx, Task task, long arg) {
        byte[] copy = UserfaultfdCalls.readStruct(task, arg, UffdioCopyLayout.COPY_OFFSET);
        long dst = Scalars.U64.read(copy, UffdioCopyLayout.DST_OFFSET);
        long src = Scalars.U64.read(copy, UffdioCopyLayout.SRC_OFFSET);
        long len = Scalars.U64.read(copy, UffdioCopyLayout.LEN_OFFSET);
        long mode = Scalars.U64.read(copy, UffdioCopyLayout.MODE_OFFSET);
        UserfaultfdCalls.validateUnalignedRange(task.machine, src, len);
        UserfaultfdCalls.validateRange(task.machine, dst, len);
        if ((mode & ~(UFFDIO_COPY_MODE_DONTWAKE | UFFDIO_COPY_MODE_WP)) != 0) {
            throw Errno.EINVAL.exception();
        }
        return finish(ctx, task, Mode.COPY, dst, src, len, (mode & UFFDIO_COPY_MODE_WP) != 0,
                (mode & UFFDIO_COPY_MODE_DONTWAKE) != 0, arg + UffdioCopyLayout.COPY_OFFSET);
    }

    /**
     * {@code userfaultfd_zeropage}, {@code userfaultfd_continue} and {@code userfaultfd_poison},
     * whose structs share one layout (a range, a mode, a result): modes DONTWAKE, and WP for
     * CONTINUE.
     */
    static long fill(UserfaultfdCtx ctx, Task task, int cmd, long arg) {
        byte[] fill = UserfaultfdCalls.readStruct(task, arg, UffdioZeropageLayout.ZEROPAGE_OFFSET);
        long start = Scalars.U64.read(fill, UffdioZeropageLayout.RANGE_OFFSET + UffdioRangeLayout.START_OFFSET);
        long len = Scalars.U64.read(fill, UffdioZeropageLayout.RANGE_OFFSET + UffdioRangeLayout.LEN_OFFSET);
        long mode = Scalars.U64.read(fill, UffdioZeropageLayout.MODE_OFFSET);
        UserfaultfdCalls.validateRange(task.machine, start, len);
        Mode what = switch (cmd) {
            case UFFDIO_ZEROPAGE -> Mode.ZEROPAGE;
            case UFFDIO_CONTINUE -> Mode.CONTINUE;
            default -> Mode.POISON;
        };
        long modes = what == Mode.CONTINUE ? UFFDIO_CONTINUE_MODE_DONTWAKE | UFFDIO_CONTINUE_MODE_WP
                : UFFDIO_ZEROPAGE_MODE_DONTWAKE;
        if ((mode & ~modes) != 0) {
            throw Errno.EINVAL.exception();
        }
        return finish(ctx, task, what, start, 0, len, what == Mode.CONTINUE && (mode & UFFDIO_CONTINUE_MODE_WP) != 0,
                (mode & UFFDIO_ZEROPAGE_MODE_DONTWAKE) != 0, arg + UffdioZeropageLayout.ZEROPAGE_OFFSET);
    }

    /**
     * The common end of the four ioctls: ESRCH once the address space is gone; the bytes done or
     * -errno go to {@code resultAddr}; the filled part is woken unless {@code dontWake}; a
     * partial fill is EAGAIN.
     */
    private static long finish(UserfaultfdCtx ctx, Task task, Mode mode, long dst, long src, long len, boolean wp,
            boolean dontWake, long resultAddr) {
        if (!ctx.mmAlive()) {
            throw Errno.ESRCH.exception();
        }
        long done;
        try {
            done = mfillAtomic(ctx, task, mode, dst, src, len, wp);
        } catch (ErrnoException e) {
            UserfaultfdCalls.putU64(task, resultAddr, -e.errno().number());
            throw e;
        }
        UserfaultfdCalls.putU64(task, resultAddr, done);
        if (!dontWake) {
            ctx.wakeLocked(dst, done);
        }
        if (done != len) {
            throw Errno.EAGAIN.exception();
        }
        return 0;
    }

    /**
     * {@code mfill_atomic}: fills [dst, dst + len) page by page; returns the bytes filled, or
     * throws the error of the first page. The VMA is looked up afresh for each page, as the kernel
     * does after it dropped its locks to read a source page that faults.
     */
    private static long mfillAtomic(UserfaultfdCtx ctx, Task task, Mode mode, long dst, long src, long len,
            boolean wp) {
        long done = 0;
        try {
            while (done < len) {
                Vma vma = dstVma(ctx.mm, mode, dst, len, wp);
                byte[] bytes = null;
                if (mode == Mode.COPY) {
                    bytes = new byte[(int) PAGE_SIZE];
                    if (UserCopy.copyFromUser(task, src + done, bytes, 0, bytes.length) != 0) {
                        throw Errno.EFAULT.exception();
                    }
                    ctx.owner.checkAliveLocked();
                    vma = dstVma(ctx.mm, mode, dst, len, wp); // the copy may have slept
                }
                fillPage(ctx.mm, vma, dst + done, mode, bytes, wp);
                done += PAGE_SIZE;
            }
        } catch (ErrnoException e) {
            if (done == 0) {
                throw e;
            }
        }
        return done;
    }

    /**
     * {@code uffd_mfill_lock} and {@code mfill_atomic}'s checks: the VMA at {@code dst} (a private
     * one gets its anon_vma now) must hold the whole range and be registered (ENOENT); WP needs a
     * WP registration and CONTINUE a shmem VMA (EINVAL).
     */
    private static Vma dstVma(Mm mm, Mode mode, long dst, long len, boolean wp) {
        Vma vma = mm.vmaAt(dst);
        if (vma == null) {
            throw Errno.ENOENT.exception();
        }
        if (!vma.has(VmFlags.SHARED)) {
            mm.anonVma(vma);
        }
        if (Long.compareUnsigned(dst + len, vma.end) > 0 || vma.uffdCtx == null) {
            throw Errno.ENOENT.exception();
        }
        if ((wp && !vma.has(VmFlags.UFFD_WP)) || (mode == Mode.CONTINUE && vma.isAnonymous())) {
            throw Errno.EINVAL.exception();
        }
        return vma;
    }

    /** {@code mfill_atomic_pte}: one page. */
    private static void fillPage(Mm mm, Vma vma, long va, Mode mode, byte[] bytes, boolean wp) {
        switch (mode) {
            case POISON -> {
                // mfill_atomic_pte_poison: any entry, a marker too, is EEXIST
                checkInFile(vma, va);
                if (mm.pte(va) != 0) {
                    throw Errno.EEXIST.exception();
                }
                mm.updatePte(va, PteMarkerLayout.make(PteMarkerLayout.POISONED));
            }
            case CONTINUE -> {
                // mfill_atomic_pte_continue: shmem_get_folio(SGP_NOALLOC) past EOF is EINVAL, no page EFAULT
                long index = vma.pageIndex(va);
                if (index >= vma.file.sizePages()) {
                    throw Errno.EINVAL.exception();
                }
                if (!vma.file.swapIn(index)) {
                    throw Errno.ENOMEM.exception();
                }
                int pfn = vma.file.lookup(index);
                if (pfn < 0) {
                    throw Errno.EFAULT.exception();
                }
                mm.memory.set(pfn, PhysicalMemory.PG_UPTODATE); // a fallocated page is zero already
                installPte(mm, vma, va, pfn, true, wp);
            }
            default -> {
                if (vma.has(VmFlags.SHARED)) {
                    shmemFill(mm, vma, va, bytes, wp);
                } else if (mode == Mode.ZEROPAGE) {
                    // mfill_atomic_pte_zeropage: strictly an empty entry; the shared zero page even
                    // where read faults do not get it (KernelConfig.sharedZeroPage: the reference
                    // machine's kernel refuses it to do_anonymous_page only, not mm_forbids_zeropage)
                    checkInFile(vma, va);
                    if (mm.pte(va) != 0) {
                        throw Errno.EEXIST.exception();
                    }
                    mm.mapPage(va, PhysicalMemory.ZERO_PFN, Fault.zeroPagePte(vma));
                } else {
                    // mfill_atomic_pte_copy
                    int pfn = newPage(mm, Fault.newAnonPage(mm, vma, va), bytes);
                    try {
                        installPte(mm, vma, va, pfn, false, wp);
                    } finally {
                        mm.memory.put(pfn);
                    }
                }
            }
        }
    }

    /** A new page's frame with {@code bytes} (zeros if null) in it; ENOMEM for none. */
    private static int newPage(Mm mm, int pfn, byte[] bytes) {
        if (pfn < 0) {
            throw Errno.ENOMEM.exception();
        }
        if (bytes != null) {
            mm.memory.contents(pfn).copyFrom(MemorySegment.ofArray(bytes));
        }
        return pfn;
    }

    /**
     * {@code shmem_mfill_atomic_pte}: a new page-cache page with the bytes (or zeros), EFAULT past
     * EOF, EEXIST where the file has a page already, mapped from the cache.
     */
    private static void shmemFill(Mm mm, Vma vma, long va, byte[] bytes, boolean wp) {
        ShmemFile file = vma.file;
        long index = vma.pageIndex(va);
        int pfn = newPage(mm, mm.machine.allocatePage(Gfp.HIGHUSER_MOVABLE), bytes);
        if (index >= file.sizePages() || file.pageCache.load(index) != 0 || !emptyOrMarker(mm.pte(va))) {
            mm.memory.put(pfn); // a mapped page of a shared VMA is in the cache: installPte cannot fail below
            throw (index >= file.sizePages() ? Errno.EFAULT : Errno.EEXIST).exception();
        }
        file.insert(index, pfn, true);
        installPte(mm, vma, va, pfn, true, wp);
    }

    /** What a fill may map over: an empty entry or a PTE marker. */
    private static boolean emptyOrMarker(long pte) {
        return pte == 0 || PteMarkerLayout.bits(pte) != 0;
    }

    /** {@code mfill_file_over_size}: a file page at or past EOF is EFAULT. */
    private static void checkInFile(Vma vma, long va) {
        if (vma.file != null && vma.pageIndex(va) >= vma.file.sizePages()) {
            throw Errno.EFAULT.exception();
        }
    }

    /**
     * {@code mfill_atomic_install_pte}: maps {@code pfn} at {@code va} over an empty entry or a PTE
     * marker (uffd-wp, poison and guard markers alike on 6.18), else EEXIST. The entry is dirty,
     * writable if the VMA is (a page-cache page in a private VMA never is), and uffd-wp (so
     * read-only) with {@code wp}.
     */
    private static void installPte(Mm mm, Vma vma, long va, int pfn, boolean pageInCache, boolean wp) {
        checkInFile(vma, va);
        if (!emptyOrMarker(mm.pte(va))) {
            throw Errno.EEXIST.exception();
        }
        long pte = PteLayout.make(pfn, Fault.pageProt(vma.flags)) | PteLayout.DIRTY;
        if (vma.has(VmFlags.WRITE) && !(pageInCache && !vma.has(VmFlags.SHARED))) {
            pte |= PteLayout.RW;
        }
        if (wp) {
            pte = (pte | PteLayout.UFFD_WP) & ~PteLayout.RW;
        }
        mm.mapPage(va, pfn, pte);
    }
}
