package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code remap_file_pages} as Linux has emulated it since 4.0 ({@code mm/mmap.c}): no nonlinear
 * VMA any more, but an {@code mmap(MAP_SHARED|MAP_FIXED|MAP_POPULATE)} of the VMA's own file at
 * the new offset over the range, which splits or merges VMAs like any such mmap.
 */
final class RemapFilePagesCall {
    private RemapFilePagesCall() {
    }

    private static final long PAGE_MASK = ~(PAGE_SIZE - 1);

    static void remapFilePages(Task task, long start, long size, long prot, long pgoff, long flags) {
        if (prot != 0) {
            throw Errno.EINVAL.exception();
        }
        // start and size round down, silently
        start &= PAGE_MASK;
        size &= PAGE_MASK;
        if (Long.compareUnsigned(start + size, start) <= 0
                || Long.compareUnsigned(pgoff + (size >>> PAGE_SHIFT), pgoff) < 0) {
            throw Errno.EINVAL.exception();
        }
        Mm mm = task.mm;
        Vma vma = mm.vmaAt(start);
        if (vma == null || !vma.has(VmFlags.SHARED)) {
            throw Errno.EINVAL.exception();
        }
        long end = start + size;
        // the range may go on into following VMAs only if they continue this one exactly
        for (Vma prev = vma; Long.compareUnsigned(end, prev.end) > 0; ) {
            Vma next = mm.findVma(prev.end);
            if (next == null || next.start != prev.end || next.file != vma.file || next.flags != vma.flags) {
                throw Errno.EINVAL.exception();
            }
            prev = next;
        }
        long mapProt = (vma.has(VmFlags.READ) ? PROT_READ : 0) | (vma.has(VmFlags.WRITE) ? PROT_WRITE : 0)
                | (vma.has(VmFlags.EXEC) ? PROT_EXEC : 0);
        long mapFlags = (flags & MAP_NONBLOCK) | MAP_SHARED | MAP_FIXED | MAP_POPULATE
                | (vma.has(VmFlags.LOCKED) ? MAP_LOCKED : 0);
        MmapCall.doMmap(task, null, vma.file, start, size, mapProt, mapFlags, pgoff, UffdEvents.NONE);
    }
}
