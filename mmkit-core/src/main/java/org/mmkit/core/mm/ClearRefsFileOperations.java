package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * {@code /proc/PID/clear_refs} ({@code fs/proc/task_mmu.c}: {@code clear_refs_write},
 * {@code clear_refs_test_walk}, {@code clear_refs_pte_range}, {@code clear_soft_dirty}): a
 * write-only file (mode 0200, owned by the process's user) that takes a decimal number.
 * 1 clears the young bit of every present PTE mapping a normal page and the page's referenced
 * flag (smaps {@code Referenced}), 2 only in anonymous VMAs, 3 only in VMAs with a file (a
 * shared anonymous mapping has one); 4 resets soft-dirty ({@link SoftDirty}; nothing without
 * {@code CONFIG_MEM_SOFT_DIRTY}); 5 sets the peak RSS ({@code VmHWM}) to the RSS. The write
 * returns the bytes it took (at most 12); it binds to nothing at open, so a process that has
 * exited takes every write and nothing happens. No page is pinned across system calls in the
 * model, so {@code pte_is_pinned}, which keeps a pinned page of a COW mapping writable, never
 * applies.
 */
final class ClearRefsFileOperations implements ProcRegularFile, ProcPidFile {
    /** {@code PROC_NUMBUF}: the write's buffer, of which the last byte stays NUL. */
    private static final int PROC_NUMBUF = 13;
    /** {@code S_IWUSR}: the file's permission bits. */
    private static final int MODE = 0200;
    /** {@code enum clear_refs_types}. */
    private static final int CLEAR_REFS_ALL = 1;
    private static final int CLEAR_REFS_ANON = 2;
    private static final int CLEAR_REFS_MAPPED = 3;
    private static final int CLEAR_REFS_SOFT_DIRTY = 4;
    private static final int CLEAR_REFS_MM_HIWATER_RSS = 5;

    /** The process the path named; its address space is looked up at each write ({@code get_task_mm}). */
    private final Task target;

    ClearRefsFileOperations(Task target) {
        this.target = target;
    }

    @Override
    public Task target() {
        return target;
    }

    @Override
    public String entryName() {
        return "clear_refs";
    }

    /**
     * {@code may_open} → {@code generic_permission} on the 0200 file: the owner may open it for
     * writing only; anyone else, for nothing; a privileged opener (CAP_DAC_OVERRIDE) for anything.
     */
    void mayOpen(Task opener, int flags) {
        if ((flags & O_PATH) != 0 || opener.privileged) {
            return;
        }
        int accessMode = flags & O_ACCMODE;
        int wanted = (accessMode == O_WRONLY ? 0 : 4) | (accessMode == O_RDONLY ? 0 : 2) | ((flags & O_TRUNC) != 0 ? 2 : 0);
        int granted = opener.fsuid() == target.fsuid() ? MODE >> 6 : 0;
        if ((wanted & ~granted) != 0) {
            throw Errno.EACCES.exception();
        }
    }

    /**
     * The file has {@code ->write} only, so {@code do_loop_readv_writev} hands a vector to it one
     * segment at a time, stopping at the first error (which is the call's only if nothing was
     * written) or at the first segment taken short.
     */
    @Override
    public long write(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        long written = 0;
        for (int i = 0; i < buffer.segments(); i++) {
            long taken;
            try {
                taken = clearRefsWrite(task, buffer.base(i), buffer.length(i));
            } catch (ErrnoException e) {
                if (written == 0) {
                    throw e;
                }
                break;
            }
            written += taken;
            if (taken != buffer.length(i)) {
                break;
            }
        }
        return written;
    }

    /**
     * {@code clear_refs_write}: at most 12 bytes are copied in (EFAULT if any cannot be), read as
     * a C string, stripped of white space at both ends ({@code strstrip}) and parsed by
     * {@code kstrtoint} (EINVAL, or ERANGE beyond an {@code int}); a type outside 1–5 is EINVAL.
     * Returns the bytes copied.
     */
    private long clearRefsWrite(Task task, long addr, long count) {
        int length = (int) Math.min(count, PROC_NUMBUF - 1);
        byte[] bytes = new byte[length];
        if (UserCopy.copyFromUser(task, addr, bytes, 0, length) != 0) {
            throw Errno.EFAULT.exception();
        }
        int type = kstrtoint(strstrip(bytes));
        if (type < CLEAR_REFS_ALL || type > CLEAR_REFS_MM_HIWATER_RSS) {
            throw Errno.EINVAL.exception();
        }
        Mm mm = target.mm;
        if (mm != null) {
            clearRefs(mm, type);
        }
        return length;
    }

    /** {@code strstrip}: the C string in {@code bytes} (up to its first NUL) without leading and trailing {@code isspace}. */
    private static String strstrip(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        int start = 0;
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The kernel's {@code isspace}: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    /**
     * {@code kstrtoint(s, 10)}: an optional {@code -} (or {@code +} without it), then at least
     * one decimal digit and nothing else (EINVAL), a value that fits an {@code int} (ERANGE). The
     * string is at most 12 characters, so it never overflows the {@code long} it is read into.
     */
    private static int kstrtoint(String s) {
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s.startsWith("+") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Errno.EINVAL.exception();
        }
        long value = Long.parseLong(digits);
        value = negative ? -value : value;
        if (value != (int) value) {
            throw Errno.ERANGE.exception();
        }
        return (int) value;
    }

    /**
     * What a valid write does to {@code mm}, under the mmap write lock ({@code clear_refs_write}
     * after its parsing): 5 resets {@code hiwater_rss} ({@code reset_mm_hiwater_rss}); 4 first
     * clears every VMA's VM_SOFTDIRTY ({@code vma_set_page_prot} follows from the flags here,
     * {@link Fault#pageProt}); then the walk, VMA by VMA as {@code clear_refs_test_walk} lets it.
     */
    private static void clearRefs(Mm mm, int type) {
        if (type == CLEAR_REFS_MM_HIWATER_RSS) {
            mm.hiwaterRss = mm.rssPages();
            return;
        }
        boolean softDirty = type == CLEAR_REFS_SOFT_DIRTY;
        if (softDirty && !SoftDirty.configured(mm)) {
            return; // clear_soft_dirty is empty, and no VMA has the flag
        }
        for (var entry : mm.vmas.entries()) {
            Vma vma = entry.value();
            if (softDirty) {
                vma.flags &= ~VmFlags.SOFTDIRTY;
            }
            if (vma.has(VmFlags.PFNMAP) || (type == CLEAR_REFS_ANON && vma.file != null)
                    || (type == CLEAR_REFS_MAPPED && vma.file == null)) {
                continue;
            }
            PageWalk.walk(mm.pageTables, vma.start, vma.end, (va, pte, table, index) -> {
                long cleared = softDirty ? clearSoftDirty(pte) : clearYoung(mm, pte);
                if (cleared != pte) {
                    mm.updatePte(table, index, pte, cleared);
                }
            });
        }
    }

    /**
     * {@code clear_soft_dirty}: a present PTE is write-protected and loses soft-dirty (the next
     * write faults and sets it again); a swap entry or PTE marker loses its soft-dirty bit.
     */
    private static long clearSoftDirty(long pte) {
        if (PteLayout.isPresent(pte)) {
            return pte & ~(PteLayout.RW | PteLayout.SOFT_DIRTY);
        }
        return pte == 0 ? 0 : pte & ~SwapEntryLayout.SOFT_DIRTY;
    }

    /**
     * {@code clear_refs_pte_range} for types 1–3: a present PTE of a normal page (not the zero
     * page, {@code vm_normal_folio}) gets old ({@code ptep_test_and_clear_young}) and its page
     * loses PG_referenced ({@code folio_clear_referenced}).
     */
    private static long clearYoung(Mm mm, long pte) {
        if (!PteLayout.isPresent(pte) || PteLayout.isSpecial(pte)) {
            return pte;
        }
        mm.memory.clear((int) PteLayout.pfn(pte), PhysicalMemory.PG_REFERENCED);
        return pte & ~PteLayout.ACCESSED;
    }

    /** {@code noop_llseek}: the position stays where it is (0: writes never move it). */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return file.pos;
    }

    @Override
    public StatCall.Attributes attributes() {
        return new StatCall.Attributes(0, S_IFREG | MODE, 1, target.fsuid(), 0, 0);
    }
}
