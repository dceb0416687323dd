package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.PagemapEntryLayout;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The entries of {@code /proc/PID/pagemap} ({@code pagemap_read}, {@code pagemap_pmd_range},
 * {@code pte_to_pagemap_entry} of {@code fs/proc/task_mmu.c}): one 64-bit word per page
 * ({@link PagemapEntryLayout}), written straight into the reader's buffer by one page walk per
 * VMA. Call with the machine lock held.
 */
final class PagemapRead {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private PagemapRead() {
    }

    /**
     * {@code pagemap_read}: fills {@code buf} with the entries from byte {@code offset}; returns
     * the bytes read. The gaps between VMAs and missing page tables at any level are filled a run
     * at a time.
     */
    static int read(Mm mm, boolean privileged, long offset, byte[] buf) {
        if (offset % 8 != 0 || buf.length % 8 != 0 || offset < 0) {
            throw Errno.EINVAL.exception();
        }
        long taskPages = mm.machine.config.taskSize() >>> PAGE_SHIFT;
        long firstPage = offset / 8;
        if (firstPage >= taskPages) {
            return 0;
        }
        int entries = (int) Math.min(buf.length / 8, taskPages - firstPage);
        long va = firstPage << PAGE_SHIFT;
        long end = (firstPage + entries) << PAGE_SHIFT;
        Fill out = new Fill(mm.memory, privileged, buf, va);
        // pagemap_pmd_range per VMA; pagemap_pte_hole for the gaps between VMAs and missing tables
        for (Vma vma = mm.findVma(va); vma != null && vma.start < end; vma = mm.next(vma)) {
            long from = Math.max(va, vma.start);
            long to = Math.min(end, vma.end);
            out.fill(from, 0);
            out.vma(vma);
            PageWalk.walk(mm.pageTables, from, to, out);
            va = to;
        }
        out.fill(end, 0);
        return entries * 8;
    }

    /** The entries of a read, written in order into the reader's buffer. */
    private static final class Fill implements PageWalk.Visitor {
        private final PhysicalMemory memory;
        /** The PFN bits an entry shows: all of them for a privileged reader, none otherwise. */
        private final long frameMask;
        private final byte[] buf;
        /** The address whose entry is written next, at byte {@code (va - base) / 512} of {@code buf}. */
        private final long base;
        private long va;
        private Vma vma;
        /** {@link #noneEntry} of {@link #vma}. */
        private long none;

        Fill(PhysicalMemory memory, boolean privileged, byte[] buf, long base) {
            this.memory = memory;
            this.frameMask = privileged ? PagemapEntryLayout.FRAME_MASK : 0;
            this.buf = buf;
            this.base = base;
            this.va = base;
        }

        void vma(Vma next) {
            vma = next;
            none = noneEntry(next);
        }

        /** Writes {@code value} for every page from the next one up to {@code until}. */
        void fill(long until, long value) {
            int from = (int) ((va - base) >>> (PAGE_SHIFT - 3));
            int to = (int) ((until - base) >>> (PAGE_SHIFT - 3));
            if (value == 0) {
                Arrays.fill(buf, from, to, (byte) 0);
            } else {
                for (int at = from; at < to; at += 8) {
                    LONGS.set(buf, at, value);
                }
            }
            va = Math.max(va, until);
        }

        @Override
        public void hole(long start, long end) {
            fill(end, none);
        }

        @Override
        public void pte(long at, long pte, int table, int index) {
            LONGS.set(buf, (int) ((at - base) >>> (PAGE_SHIFT - 3)), entry(memory.frameReader(), none, pte, frameMask));
            va = at + PAGE_SIZE;
        }

        @Override
        public void pteRun(long at, long[] entries, int table, int fromIndex, int toIndex) {
            int position = (int) ((at - base) >>> (PAGE_SHIFT - 3));
            PhysicalMemory.FrameReader frames = memory.frameReader(); // a local: its fields stay in registers
            for (int index = fromIndex; index < toIndex; index++, position += 8) {
                LONGS.set(buf, position, entry(frames, none, entries[index], frameMask));
            }
            va = at + ((long) (toIndex - fromIndex) << PAGE_SHIFT);
        }
    }

    /** The entry of an empty PTE in {@code vma}: only the VMA's soft-dirty flag. */
    private static long noneEntry(Vma vma) {
        return vma.has(VmFlags.SOFTDIRTY) ? PagemapEntryLayout.SOFT_DIRTY : 0;
    }

    /**
     * {@code pte_to_pagemap_entry} for the PTE {@code pte} of a VMA whose empty entry is
     * {@code none}; {@code frameMask} keeps the PFN bits the reader may see. A present page's
     * PM_FILE and PM_MMAP_EXCLUSIVE come from one read of its frame's metadata.
     */
    private static long entry(PhysicalMemory.FrameReader frames, long none, long pte, long frameMask) {
        if (PteLayout.isPresent(pte)) {
            long frame = PteLayout.pfn(pte);
            long flags = none | PagemapEntryLayout.PRESENT
                    | (PteLayout.isSoftDirty(pte) ? PagemapEntryLayout.SOFT_DIRTY : 0)
                    | (PteLayout.isUffdWp(pte) ? PagemapEntryLayout.UFFD_WP : 0)
                    | (frame & frameMask);
            if (PteLayout.isSpecial(pte)) {
                return flags; // the shared zero page or a PFN mapping: no page metadata
            }
            long state = frames.flagsAndMapcount((int) frame);
            return flags | ((state & PhysicalMemory.PG_ANON) == 0 ? PagemapEntryLayout.FILE : 0)
                    | (PhysicalMemory.mapcountOf(state) == 1 ? PagemapEntryLayout.MMAP_EXCLUSIVE : 0);
        }
        if (pte == 0) {
            return none;
        }
        long flags = none | PagemapEntryLayout.SWAP;
        if ((pte & SwapEntryLayout.SOFT_DIRTY) != 0) {
            flags |= PagemapEntryLayout.SOFT_DIRTY;
        }
        if ((PteMarkerLayout.bits(pte) & PteMarkerLayout.GUARD) != 0) {
            flags |= PagemapEntryLayout.GUARD_REGION;
        }
        if (UffdWriteProtect.isProtected(pte)) {
            flags |= PagemapEntryLayout.UFFD_WP;
        }
        long frame = PagemapEntryLayout.swapFrame(SwapEntryLayout.type(pte), SwapEntryLayout.offset(pte));
        return flags | (frame & frameMask);
    }
}
