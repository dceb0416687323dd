package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.KernelConfig;

/**
 * {@code mmap} and {@code munmap} ({@code mm/mmap.c: do_mmap}, {@code mm/vma.c: mmap_region,
 * do_vmi_munmap}), with x86-64 top-down placement ({@code arch_get_unmapped_area_topdown}).
 */
final class MmapCall {
    private MmapCall() {
    }

    private static final long PAGE_MASK = ~(PAGE_SIZE - 1);
    /** The huge page size field of the flags: its log2 in bits 26..31 ({@code MAP_HUGE_SHIFT}). */
    private static final int MAP_HUGE_SHIFT = 26;
    private static final long MAP_HUGE_MASK = 0x3f;
    /** Where {@code find_start_end} puts MAP_32BIT mappings: [1 GiB, 2 GiB). */
    private static final long MAP_32BIT_START = 1L << 30;
    private static final long MAP_32BIT_END = 2L << 30;
    /** Flags {@code MAP_SHARED_VALIDATE} accepts ({@code LEGACY_MAP_MASK} plus SYNC/FIXED_NOREPLACE). */
    private static final long VALIDATED_FLAGS = MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS
            | MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED
            | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | MAP_FIXED_NOREPLACE;

    static long pageAlign(long len) {
        return (len + PAGE_SIZE - 1) & PAGE_MASK;
    }

    /**
     * The end of the page-rounded range madvise, mseal and {@code PR_SET_VMA} act on; EINVAL for
     * an unaligned start, a small negative length that rounds up to 0, or a range that wraps.
     */
    static long rangeEnd(long start, long len) {
        if ((start & (PAGE_SIZE - 1)) != 0) {
            throw Errno.EINVAL.exception();
        }
        long size = MmapCall.pageAlign(len);
        if (len != 0 && size == 0) {
            throw Errno.EINVAL.exception();
        }
        long end = start + size;
        if (Long.compareUnsigned(end, start) < 0) {
            throw Errno.EINVAL.exception();
        }
        return end;
    }

    /**
     * The lower of two addresses, compared as the kernel's unsigned longs: a range end computed
     * from a huge length may lie beyond 2^63.
     */
    static long minAddress(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    static long mmap(Task task, long addr, long len, long prot, long flags, int fd, long offset) {
        if ((offset & ~PAGE_MASK) != 0) {
            throw Errno.EINVAL.exception();
        }
        ShmemFile file = null;
        OpenFile open = null;
        if ((flags & MAP_ANONYMOUS) == 0) {
            open = task.file(fd); // fget: EBADF for O_PATH too
            file = open.ops instanceof ShmemFileOperations shmem ? shmem.inode : null;
            if ((flags & MAP_HUGETLB) != 0) {
                throw Errno.EINVAL.exception(); // no memfd is on hugetlbfs
            }
        } else if ((flags & MAP_HUGETLB) != 0 && !isHugePageSize(flags >>> MAP_HUGE_SHIFT & MAP_HUGE_MASK)) {
            throw Errno.EINVAL.exception();
        }
        return doMmap(task, open, file, addr, len, prot, flags, offset >>> PAGE_SHIFT);
    }

    /**
     * {@code do_mmap} once the descriptor is resolved: {@code open} (null for anonymous memory,
     * and for remap_file_pages, which maps the VMA's own file: its open file had the access
     * modes the VMA needed) and its shmem {@code file} (null for anonymous memory or a file
     * type without mmap).
     */
    static long doMmap(Task task, OpenFile open, ShmemFile file, long addr, long len, long prot, long flags,
            long pgoff) {
        Mm mm = task.mm;
        KernelConfig config = mm.machine.config;
        // ksys_mmap_pgoff: anonymous MAP_HUGETLB maps a new hugetlbfs file, checked as a file mapping
        boolean anonHugetlb = (flags & MAP_ANONYMOUS) != 0 && (flags & MAP_HUGETLB) != 0;
        if (len == 0) {
            throw Errno.EINVAL.exception();
        }
        if ((flags & MAP_FIXED_NOREPLACE) != 0) {
            flags |= MAP_FIXED;
        }
        if ((flags & MAP_FIXED) == 0) {
            addr = roundHintToMin(addr, config.mmapMinAddr());
        }
        long size = pageAlign(len);
        if (size == 0 || size < 0) {
            throw Errno.ENOMEM.exception();
        }
        if (Long.compareUnsigned(pgoff + (size >>> PAGE_SHIFT), pgoff) < 0) {
            throw Errno.EOVERFLOW.exception();
        }
        if (mm.mapCount() > config.maxMapCount()) {
            throw Errno.ENOMEM.exception();
        }
        long start = unmappedArea(task, file, addr, size, pgoff << PAGE_SHIFT, flags);
        if ((flags & MAP_FIXED_NOREPLACE) != 0) {
            Vma clash = mm.findVma(start);
            if (clash != null && clash.start < start + size) {
                throw Errno.EEXIST.exception();
            }
        }
        long vmFlags = VmFlags.fromProt(prot) | mm.defFlags | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYEXEC;
        if ((flags & MAP_GROWSDOWN) != 0) {
            vmFlags |= VmFlags.GROWSDOWN;
        }
        if ((flags & MAP_LOCKED) != 0) {
            vmFlags |= VmFlags.LOCKED;
        }
        if ((flags & MAP_STACK) != 0) {
            vmFlags |= VmFlags.NOHUGEPAGE;
        }
        // calc_vm_flag_bits runs before MAP_SHARED drops the flags it does not know, so even a
        // mapping that cannot honour MAP_SYNC gets VM_SYNC
        if ((flags & MAP_SYNC) != 0) {
            vmFlags |= VmFlags.SYNC;
        }
        if ((flags & MAP_LOCKED) != 0 && !LockCall.canDoMlock(task)) {
            throw Errno.EPERM.exception();
        }
        if (!LockCall.mlockFutureOk(task, vmFlags, size)) {
            throw Errno.EAGAIN.exception();
        }
        long type = flags & MAP_TYPE;
        if (open != null || file != null || anonHugetlb) {
            // file_mmap_ok: memfd and hugetlbfs files are regular files, so the mapping must end
            // within MAX_LFS_FILESIZE
            if (Long.compareUnsigned(pgoff, (Long.MAX_VALUE - size) >>> PAGE_SHIFT) > 0) {
                throw Errno.EOVERFLOW.exception();
            }
            if (type == MAP_SHARED_VALIDATE && (flags & ~VALIDATED_FLAGS) != 0) {
                throw Errno.EOPNOTSUPP.exception();
            }
            if (type == MAP_SHARED || type == MAP_SHARED_VALIDATE) {
                // do_mmap: a shared mapping of a file not open for writing may never write it
                // (EACCES now, VM_MAYWRITE gone for mprotect), and is not VM_SHARED
                if (open != null && (prot & PROT_WRITE) != 0 && !open.writable()) {
                    throw Errno.EACCES.exception();
                }
                vmFlags |= VmFlags.SHARED | VmFlags.MAYSHARE;
                if (open != null && !open.writable()) {
                    vmFlags &= ~(VmFlags.MAYWRITE | VmFlags.SHARED);
                }
            } else if (type != MAP_PRIVATE) {
                throw Errno.EINVAL.exception();
            }
            if (open != null && !open.readable()) {
                throw Errno.EACCES.exception(); // every file mapping reads the file
            }
            if (open != null && open.ops.noexec() && (vmFlags & VmFlags.EXEC) != 0) {
                throw Errno.EPERM.exception(); // do_mmap: path_noexec
            }
            if (open != null && file == null) {
                throw Errno.ENODEV.exception(); // no ->mmap
            }
            if ((vmFlags & VmFlags.GROWSDOWN) != 0) {
                throw Errno.EINVAL.exception();
            }
            if (file != null) {
                vmFlags = Seals.checkMmap(file, vmFlags);
            }
        } else if (type == MAP_SHARED) {
            if ((vmFlags & VmFlags.GROWSDOWN) != 0) {
                throw Errno.EINVAL.exception();
            }
            vmFlags |= VmFlags.SHARED | VmFlags.MAYSHARE;
            pgoff = 0;
        } else if (type == MAP_PRIVATE || type == MAP_DROPPABLE) {
            if (type == MAP_DROPPABLE) {
                vmFlags |= droppableFlags(flags, vmFlags);
            }
            pgoff = start >>> PAGE_SHIFT;
        } else {
            throw Errno.EINVAL.exception();
        }
        if ((flags & MAP_NORESERVE) != 0) {
            vmFlags |= VmFlags.NORESERVE;
        }
        if (anonHugetlb) {
            throw Errno.ENOMEM.exception(); // hugetlb_reserve_pages: no pool is modelled, as with nr_hugepages 0
        }
        mapRegion(task, file, start, size, vmFlags, pgoff);
        if ((vmFlags & VmFlags.LOCKED) != 0 || (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE) {
            Gup.mmPopulate(mm, start, start + size, true);
        }
        return start;
    }

    /** {@code hstate_sizelog}: x86-64 has 2 MiB and 1 GiB huge pages; log 0 means the default size. */
    private static boolean isHugePageSize(long log) {
        return log == 0 || log == 21 || log == 30;
    }

    /**
     * {@code do_mmap} for MAP_DROPPABLE: pages that may be dropped need no commit charge, and
     * neither survive a fork nor go into a core dump; a locked or growing area cannot be droppable.
     */
    private static long droppableFlags(long flags, long vmFlags) {
        if ((flags & MAP_LOCKED) != 0 || (vmFlags & VmFlags.GROWSDOWN) != 0) {
            throw Errno.EINVAL.exception();
        }
        return VmFlags.DROPPABLE | VmFlags.NORESERVE | VmFlags.WIPEONFORK | VmFlags.DONTDUMP;
    }

    /**
     * {@code round_hint_to_min}: the hint is taken to its page first, so one inside page 0 is no
     * hint at all; a hint below {@code vm.mmap_min_addr} is raised to it.
     */
    private static long roundHintToMin(long hint, long mmapMinAddr) {
        hint &= PAGE_MASK;
        return hint != 0 && Long.compareUnsigned(hint, mmapMinAddr) < 0 ? pageAlign(mmapMinAddr) : hint;
    }

    /** {@code mmap_region}: replaces whatever is mapped in [start, start+size) with the new mapping. */
    private static void mapRegion(Task task, ShmemFile file, long start, long size, long vmFlags, long pgoff) {
        Mm mm = task.mm;
        long end = start + size;
        // __mmap_setup: what MAP_FIXED replaces is gathered (sealed VMAs refuse) and does not
        // count against RLIMIT_AS and RLIMIT_DATA
        mm.gatherUnmap(start, end);
        if (!ResourceLimits.mayExpandVm(task, vmFlags, (size >>> PAGE_SHIFT) - LockCall.pages(mm, start, end, f -> true))) {
            throw Errno.ENOMEM.exception();
        }
        boolean accountable = (vmFlags & (VmFlags.NORESERVE | VmFlags.SHARED | VmFlags.WRITE)) == VmFlags.WRITE;
        if (accountable) {
            if ((size >>> PAGE_SHIFT) > mm.machine.overcommitLimitPages()) {
                throw Errno.ENOMEM.exception(); // __vm_enough_memory, OVERCOMMIT_GUESS
            }
            vmFlags |= VmFlags.ACCOUNT;
        }
        if (mm.machine.config.softDirty()) {
            vmFlags |= VmFlags.SOFTDIRTY;
        }
        mm.unmapRange(start, end);
        boolean sharedAnon = file == null && (vmFlags & VmFlags.SHARED) != 0;
        Vma merged = sharedAnon ? null : mm.mergeNew(start, end, vmFlags, file, pgoff, null);
        if (merged != null) {
            mm.accountMapping(vmFlags, size >>> PAGE_SHIFT); // __mmap_complete
            return;
        }
        if (sharedAnon) {
            // shmem_zero_setup: each shared anonymous mapping gets its own shmem file
            file = new ShmemFile(mm.machine, mm.machine.allocateInode(), ShmemFile.ANON_SHMEM_NAME, size);
        }
        if (!LockCall.supportsMlock(vmFlags)) {
            // __mmap_complete drops mlockall(MCL_FUTURE)'s lock flags only now, after the merge
            // attempt with them failed
            vmFlags &= ~VmFlags.LOCKED_MASK;
        }
        Vma vma = new Vma(mm, start, end, vmFlags, pgoff, file);
        if (file != null) {
            file.addMapping(vma);
        }
        mm.link(vma);
        mm.accountMapping(vmFlags, size >>> PAGE_SHIFT); // __mmap_complete
    }

    /** {@code __get_unmapped_area} for x86-64 with MMF_TOPDOWN and ASLR off. */
    private static long unmappedArea(Task task, ShmemFile file, long addr, long len, long offset, long flags) {
        KernelConfig config = task.machine.config;
        Mm mm = task.mm;
        if (len > config.taskSize()) {
            throw Errno.ENOMEM.exception();
        }
        long result;
        if ((flags & MAP_FIXED) != 0) {
            result = addr;
        } else if (file == null && (flags & MAP_TYPE) != MAP_SHARED && addr == 0 && (len & (PMD_SIZE - 1)) == 0) {
            result = thpAligned(mm, len, offset, flags);
        } else {
            result = archUnmappedArea(mm, addr, len, flags);
        }
        if (Long.compareUnsigned(result, config.taskSize() - len) > 0) {
            throw Errno.ENOMEM.exception();
        }
        if ((result & ~PAGE_MASK) != 0) {
            throw Errno.EINVAL.exception();
        }
        if (result < config.mmapMinAddr() && !task.privileged) {
            throw Errno.EPERM.exception(); // security_mmap_addr
        }
        return result;
    }

    /** {@code arch_get_unmapped_area_topdown}, which hands MAP_32BIT requests to the bottom-up search. */
    private static long archUnmappedArea(Mm mm, long hint, long len, long flags) {
        return (flags & MAP_32BIT) != 0 ? below2GiB(mm, hint, len) : topDown(mm, hint, len);
    }

    /** {@code arch_get_unmapped_area_topdown}: the hint if free, else the highest gap below mmap_base. */
    static long topDown(Mm mm, long hint, long len) {
        KernelConfig config = mm.machine.config;
        if (hint != 0) {
            hint &= PAGE_MASK;
            if (Long.compareUnsigned(hint, config.taskSize() - len) <= 0 && isFree(mm, hint, len)) {
                return hint;
            }
        }
        long low = Math.max(PAGE_SIZE, config.mmapMinAddr());
        long found = mm.vmas.gapTopDown(len, low, config.mmapBase(), 0, 0);
        if (found < 0) {
            found = mm.vmas.gapBottomUp(len, config.mmapBase(), config.taskSize(), 0, 0);
        }
        if (found < 0) {
            throw Errno.ENOMEM.exception();
        }
        return found;
    }

    /**
     * {@code arch_get_unmapped_area} with {@code find_start_end} for MAP_32BIT: the hint if free
     * and below 2 GiB, else the lowest gap in [1 GiB, 2 GiB).
     */
    private static long below2GiB(Mm mm, long hint, long len) {
        if (hint != 0 && len <= MAP_32BIT_END && Long.compareUnsigned(hint, MAP_32BIT_END - len) <= 0
                && isFree(mm, hint, len)) {
            return hint;
        }
        long found = mm.vmas.gapBottomUp(len, MAP_32BIT_START, MAP_32BIT_END, 0, 0);
        if (found < 0) {
            throw Errno.ENOMEM.exception();
        }
        return found;
    }

    /** Whether [start, start + len) overlaps no VMA. */
    private static boolean isFree(Mm mm, long start, long len) {
        Vma next = mm.findVma(start);
        return next == null || start + len <= next.start;
    }

    /**
     * {@code __thp_get_unmapped_area}: a PMD-aligned placement for anonymous mappings whose length
     * is a multiple of 2 MiB, by searching for {@code len + 2 MiB} and aligning inside it.
     */
    private static long thpAligned(Mm mm, long len, long offset, long flags) {
        long padded = len + PMD_SIZE;
        long found;
        try {
            found = archUnmappedArea(mm, 0, padded, flags);
        } catch (org.mmkit.core.ErrnoException e) {
            return archUnmappedArea(mm, 0, len, flags);
        }
        long misalignment = (offset - found) & (PMD_SIZE - 1);
        return misalignment == 0 ? found + PMD_SIZE : found + misalignment;
    }

    static void munmap(Mm mm, long addr, long len) {
        if ((addr & ~PAGE_MASK) != 0 || len == 0) {
            throw Errno.EINVAL.exception();
        }
        // do_vmi_munmap: the unrounded length, as an unsigned value, must fit below TASK_SIZE
        long taskSize = mm.machine.config.taskSize();
        if (Long.compareUnsigned(addr, taskSize) > 0 || Long.compareUnsigned(len, taskSize - addr) > 0) {
            throw Errno.EINVAL.exception();
        }
        mm.unmapRange(addr, addr + pageAlign(len));
    }
}
