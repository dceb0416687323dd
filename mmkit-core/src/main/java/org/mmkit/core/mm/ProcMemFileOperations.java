package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * {@code /proc/PID/mem} ({@code fs/proc/base.c}: {@code mem_rw}, {@code mem_lseek}): the
 * address space of the process that was opened, at file offset = address. The address space is
 * bound at open ({@code proc_mem_open}); once its process has exited, reads return 0
 * ({@code mmget_not_zero} fails). Pages come through GUP with {@code FOLL_FORCE}, so a
 * {@code PROT_NONE} mapping reads as if it were readable and a read-only private mapping takes
 * writes (into its own copy of the page); an address with no page to access ends the read or
 * write, and one at its start is EIO.
 */
final class ProcMemFileOperations implements ProcRegularFile, ProcPidFile {
    /** The address space opened; its process may have exited since. */
    private final Task target;
    private final Mm mm;

    ProcMemFileOperations(Task target) {
        this.target = target;
        this.mm = target.mm;
    }

    @Override
    public Task target() {
        return target;
    }

    @Override
    public String entryName() {
        return "mem";
    }

    /** {@code mem_rw} for a read: page-sized chunks of {@code access_remote_vm}, copied out one by one. */
    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        return memRw(kiocb, buffer, false);
    }

    /**
     * {@code mem_rw} for a write: page-sized chunks copied in, then written with
     * {@code FOLL_FORCE|FOLL_WRITE}, so a read-only private mapping gets its own anonymous copy
     * of the page while its PTE stays read-only; a shared mapping without write permission is
     * not written (EIO when nothing was).
     */
    @Override
    public long write(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        return memRw(kiocb, buffer, true);
    }

    /**
     * {@code mem_rw}: 0 once the address space is gone ({@code mmget_not_zero}); a chunk the
     * caller's buffer cannot fully give or take is EFAULT, whatever came before; a chunk of which
     * nothing could be accessed ends the call, EIO if it is the first.
     */
    private long memRw(Kiocb kiocb, IoVector buffer, boolean write) {
        if (target.mm != mm) {
            return 0;
        }
        byte[] chunk = new byte[(int) PAGE_SIZE];
        long copied = 0;
        while (buffer.count() > 0) {
            int length = (int) Math.min(buffer.count(), PAGE_SIZE);
            if (write && buffer.copyFrom(chunk, 0, length) < length) {
                throw Errno.EFAULT.exception();
            }
            int done = accessRemoteVm(kiocb.pos, chunk, length, write);
            if (done == 0) {
                if (copied == 0) {
                    throw Errno.EIO.exception();
                }
                break;
            }
            if (!write && buffer.copyTo(chunk, 0, done) < done) {
                throw Errno.EFAULT.exception();
            }
            kiocb.pos += done;
            copied += done;
            if (write && done < length) {
                // the next chunk starts at the first byte not written: its copy-in faults (EFAULT)
                // or its access fails again, ending the write
                int next = (int) Math.min(buffer.count(), PAGE_SIZE - length + done);
                if (buffer.copyFrom(chunk, 0, next) < next) {
                    throw Errno.EFAULT.exception();
                }
                break;
            }
        }
        return copied;
    }

    /**
     * {@code __access_remote_vm}: copies up to {@code length} bytes between {@code addr} and
     * {@code chunk}, a page at a time, until GUP ({@code FOLL_FORCE}, and {@code FOLL_WRITE} for a
     * write) cannot bring a page in; returns the bytes copied. A written page is dirtied
     * ({@code set_page_dirty_lock}).
     */
    private int accessRemoteVm(long addr, byte[] chunk, int length, boolean write) {
        int done = 0;
        int[] pfn = new int[1];
        int foll = Gup.FOLL_FORCE | Gup.FOLL_REMOTE | (write ? Gup.FOLL_WRITE : 0);
        while (done < length) {
            long at = addr + done;
            try {
                Gup.getUserPages(mm, at & PAGE_MASK, 1, foll, pfn, null);
            } catch (ErrnoException e) {
                break;
            }
            int offset = (int) (at & (PAGE_SIZE - 1));
            int n = (int) Math.min(length - done, PAGE_SIZE - offset);
            MemorySegment page = mm.memory.contents(pfn[0]);
            if (write) {
                MemorySegment.copy(MemorySegment.ofArray(chunk), done, page, offset, n);
                mm.memory.set(pfn[0], PhysicalMemory.PG_DIRTY);
            } else {
                MemorySegment.copy(page, offset, MemorySegment.ofArray(chunk), done, n);
            }
            done += n;
        }
        return done;
    }
}
