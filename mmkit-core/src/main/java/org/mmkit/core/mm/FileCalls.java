package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;

/**
 * File system calls on shmem files: {@code memfd_create} ({@code mm/memfd.c}), {@code ftruncate},
 * {@code fallocate} ({@code mm/shmem.c: shmem_setattr, shmem_fallocate}) and {@code close}, with
 * the unmapping they cause in every process ({@code unmap_mapping_range}).
 */
final class FileCalls {
    private FileCalls() {
    }

    /** {@code MFD_NAME_MAX_LEN}: NAME_MAX minus the "memfd:" prefix, in bytes before the NUL. */
    private static final int NAME_MAX_LEN = 249;

    /** {@code MFD_ALL_FLAGS}. */
    private static final long ALL_FLAGS = MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | MFD_NOEXEC_SEAL | MFD_EXEC;

    /**
     * {@code memfd_create}: flags (an {@code unsigned int}) first, then the name, read from user
     * memory as the kernel reads it ({@code alloc_name}, {@code strnlen_user}): it ends at the
     * first NUL, which must come within {@code MFD_NAME_MAX_LEN + 1} bytes (else EINVAL), and a
     * byte before it that cannot be read is EFAULT; then a descriptor is reserved (EMFILE at
     * RLIMIT_NOFILE) before the file is made. The model's pid namespace has
     * {@code vm.memfd_noexec} 0, the default: a memfd without MFD_EXEC or MFD_NOEXEC_SEAL is
     * executable ({@code check_sysctl_memfd_noexec}). MFD_HUGETLB (with a huge page size in its
     * field) passes the checks and then fails with ENOSYS, as on a kernel built without
     * CONFIG_HUGETLBFS ({@code hugetlb_file_setup}): the model has no hugetlbfs yet.
     */
    static int memfdCreate(Task task, long nameAddr, long rawFlags) {
        long flags = rawFlags & 0xffffffffL;
        long known = (flags & MFD_HUGETLB) != 0 ? ALL_FLAGS | (long) MFD_HUGE_MASK << MFD_HUGE_SHIFT : ALL_FLAGS;
        if ((flags & ~known) != 0 || (flags & (MFD_EXEC | MFD_NOEXEC_SEAL)) == (MFD_EXEC | MFD_NOEXEC_SEAL)) {
            throw Errno.EINVAL.exception();
        }
        String name = PathLookup.userString(task, nameAddr, NAME_MAX_LEN + 1);
        if (name == null) {
            throw Errno.EINVAL.exception();
        }
        task.files.checkUnused(0);
        if ((flags & MFD_HUGETLB) != 0) {
            throw Errno.ENOSYS.exception();
        }
        ShmemFile inode = new ShmemFile(task.machine, task.machine.allocateInode(),
                "/memfd:" + name + " (deleted)", 0);
        inode.owner = task.fsuid();
        if ((flags & MFD_NOEXEC_SEAL) != 0) {
            inode.mode &= ~0111;
            inode.seals = F_SEAL_EXEC;
        } else if ((flags & MFD_ALLOW_SEALING) != 0) {
            inode.seals = 0;
        }
        // memfd's alloc_file: a read-write file with large offsets
        OpenFile file = new OpenFile(new ShmemFileOperations(inode, false), O_RDWR | O_LARGEFILE);
        return task.files.install(file, (flags & MFD_CLOEXEC) != 0);
    }

    static void close(Task task, int fd) {
        task.files.close(fd);
    }

    /**
     * {@code do_sys_ftruncate}: a negative length is EINVAL before the descriptor is looked up;
     * {@code do_ftruncate} wants a regular file open for writing, else EINVAL (not EBADF).
     */
    static void ftruncate(Task task, int fd, long length) {
        if (length < 0) {
            throw Errno.EINVAL.exception();
        }
        OpenFile open = task.file(fd);
        if (!open.ops.isRegular() || !open.writable()) { // do_ftruncate
            throw Errno.EINVAL.exception();
        }
        open.ops.truncate(length);
    }

    /** {@code shmem_setattr} with a new size: the resize seals, then the pages past the end go. */
    static void truncate(ShmemFile file, long length) {
        file.checkResizeSeals(length);
        long old = file.size;
        file.size = length;
        // shmem_setattr truncates for an unchanged size too: pages fallocated past EOF with
        // FALLOC_FL_KEEP_SIZE go, and the partial last page is zeroed past EOF.
        if (length <= old) {
            long firstWhole = (length + PAGE_SIZE - 1) >>> PAGE_SHIFT;
            unmapMapping(file, firstWhole, Long.MAX_VALUE, true);
            file.removePages(firstWhole, Long.MAX_VALUE);
            zeroPartial(file, length, PAGE_SIZE - (length & (PAGE_SIZE - 1)));
        }
    }

    /** {@code ksys_fallocate}: the descriptor is looked up first (EBADF), then {@code vfs_fallocate} checks the rest. */
    static void fallocate(Task task, int fd, int mode, long offset, long len) {
        OpenFile open = task.file(fd);
        if (offset < 0 || len <= 0) {
            throw Errno.EINVAL.exception();
        }
        if ((mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE)) != 0) {
            throw Errno.EOPNOTSUPP.exception();
        }
        if ((mode & FALLOC_FL_PUNCH_HOLE) != 0 && (mode & FALLOC_FL_KEEP_SIZE) == 0) {
            throw Errno.EOPNOTSUPP.exception();
        }
        if (!open.writable()) {
            throw Errno.EBADF.exception(); // vfs_fallocate: after the mode checks
        }
        if (open.ops.isStream()) {
            throw Errno.ESPIPE.exception(); // a pipe
        }
        if (!open.ops.isRegular()) {
            throw Errno.ENODEV.exception();
        }
        if (offset + len < 0) {
            throw Errno.EFBIG.exception();
        }
        ShmemFile file = open.shmem(Errno.EOPNOTSUPP); // a regular file without ->fallocate (/proc/PID/mem)
        if ((mode & FALLOC_FL_PUNCH_HOLE) != 0) {
            punchHole(file, offset, len);
            return;
        }
        // shmem_fallocate: F_SEAL_GROW refuses any range past EOF, FALLOC_FL_KEEP_SIZE or not
        if ((file.seals & F_SEAL_GROW) != 0 && offset + len > file.size) {
            throw Errno.EPERM.exception();
        }
        long first = offset >>> PAGE_SHIFT;
        long last = (offset + len - 1) >>> PAGE_SHIFT;
        PhysicalMemory memory = task.machine.memory;
        if (memory.freeFrames() < last - first + 1 - file.pageCache.countPages(first, last + 1)) {
            throw Errno.ENOSPC.exception();
        }
        // shmem_fallocate: new pages stay !uptodate until first use; a page fallocated before
        // is initialised now (shmem_get_folio(SGP_FALLOC) on an existing folio). Every page of
        // the range is marked dirty so that reclaim swaps rather than drops it.
        for (long index = first; index <= last; index++) {
            if (!file.swapIn(index)) {
                throw Errno.ENOMEM.exception(); // shmem_get_folio(SGP_FALLOC) reads a swapped page back
            }
            int pfn = file.lookup(index);
            if (pfn < 0) {
                pfn = task.machine.allocatePage(Gfp.HIGHUSER_MOVABLE);
                file.insert(index, pfn, false);
            } else {
                memory.set(pfn, PhysicalMemory.PG_UPTODATE);
            }
            memory.set(pfn, PhysicalMemory.PG_DIRTY);
        }
        if ((mode & FALLOC_FL_KEEP_SIZE) == 0 && offset + len > file.size) {
            file.size = offset + len;
        }
    }

    /**
     * {@code shmem_fallocate(FALLOC_FL_PUNCH_HOLE)}: unmaps the whole pages of [offset, offset +
     * len) everywhere but in private COW copies, frees them, and zeroes the partial pages at the
     * edges. The unmap range is computed as the kernel does: for a hole that ends inside the
     * first page {@code unmap_end} is -1, passes the unsigned comparison, and the length that
     * results unmaps every page from {@code unmap_start} to the end of the file (their data
     * stays cached). A write-sealed file refuses (EPERM).
     */
    static void punchHole(ShmemFile file, long offset, long len) {
        if (file.writeSealed()) {
            throw Errno.EPERM.exception();
        }
        long unmapStart = MmapCall.pageAlign(offset);
        long unmapEnd = ((offset + len) & -PAGE_SIZE) - 1;
        if (Long.compareUnsigned(unmapEnd, unmapStart) > 0) {
            unmapMappingRange(file, unmapStart, 1 + unmapEnd - unmapStart, false);
        }
        long firstWhole = unmapStart >>> PAGE_SHIFT;
        long endWhole = (offset + len) >>> PAGE_SHIFT;
        if (firstWhole < endWhole) {
            file.removePages(firstWhole, endWhole);
        }
        long headEnd = Math.min(offset + len, unmapStart);
        zeroPartial(file, offset, headEnd - offset);
        long tailStart = Math.max(offset, endWhole << PAGE_SHIFT);
        if (tailStart < offset + len && tailStart >= headEnd) {
            zeroPartial(file, tailStart, offset + len - tailStart);
        }
    }

    /**
     * Zeroes {@code len} bytes at {@code pos} of a cached page, if that page is cached, and marks
     * it dirty ({@code shmem_undo_range}: {@code folio_mark_dirty} + {@code truncate_inode_partial_folio}).
     */
    private static void zeroPartial(ShmemFile file, long pos, long len) {
        if (len <= 0 || len >= PAGE_SIZE) {
            return;
        }
        file.swapIn(pos >>> PAGE_SHIFT); // shmem_get_partial_folio reads a swapped page back; on ENOMEM it skips the page
        int pfn = file.lookup(pos >>> PAGE_SHIFT);
        if (pfn >= 0) {
            MemorySegment page = file.memory().contents(pfn);
            page.asSlice(pos & (PAGE_SIZE - 1), len).fill((byte) 0);
            file.memory().set(pfn, PhysicalMemory.PG_DIRTY);
        }
    }

    /**
     * {@code unmap_mapping_range} in bytes, with the kernel's unsigned page arithmetic: a length
     * of 0, or one so large that the last page wraps, reaches the end of the file.
     */
    private static void unmapMappingRange(ShmemFile file, long holeBegin, long holeLen, boolean evenCows) {
        long first = holeBegin >>> PAGE_SHIFT;
        long last = first + ((holeLen + PAGE_SIZE - 1) >>> PAGE_SHIFT) - 1;
        if (Long.compareUnsigned(last, first) < 0) {
            last = -1; // ULONG_MAX
        }
        long end = Long.compareUnsigned(last, Long.MAX_VALUE) >= 0 ? Long.MAX_VALUE : last + 1;
        unmapMapping(file, first, end, evenCows);
    }

    /**
     * {@code unmap_mapping_pages}: zaps the PTEs of file pages [fromIndex, toIndex) in every VMA
     * mapping the file; private anonymous copies go too only with {@code evenCows} (truncate),
     * whether in memory or out in swap ({@code zap_nonpresent_ptes}: {@code should_zap_cows}).
     */
    static void unmapMapping(ShmemFile file, long fromIndex, long toIndex, boolean evenCows) {
        if (fromIndex >= toIndex) {
            return;
        }
        for (Vma vma : file.mappings.overlapping(fromIndex, toIndex - 1)) {
            long first = Math.max(fromIndex, vma.pgoff);
            long last = Math.min(toIndex, vma.pgoff + vma.pages());
            long start = vma.address(first);
            long end = start + ((last - first) << PAGE_SHIFT);
            PhysicalMemory memory = vma.mm.memory;
            PageWalk.walk(vma.mm.pageTables, start, end, (va, pte, table, index) -> {
                boolean anonCopy;
                if (PteLayout.isPresent(pte)) {
                    anonCopy = !PteLayout.isSpecial(pte) && memory.test((int) PteLayout.pfn(pte), PhysicalMemory.PG_ANON);
                } else if (Mm.isSwapOrPoison(pte)) {
                    // a file page out in swap has no PTE: this is a swapped copy; a poison marker
                    // (UFFDIO_POISON) goes as one too (zap_nonpresent_ptes: should_zap_cows)
                    anonCopy = true;
                } else {
                    return;
                }
                if (evenCows || !anonCopy) {
                    vma.mm.zapEntry(table, index, pte);
                    UffdWriteProtect.afterZap(vma.mm, vma, table, index, pte);
                }
            });
        }
    }
}
