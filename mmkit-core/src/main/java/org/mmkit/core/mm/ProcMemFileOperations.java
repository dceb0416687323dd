package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;

/**
 * {@code /proc/PID/mem} ({@code fs/proc/base.c}: {@code mem_rw}, {@code mem_lseek}): the
 * address space of the process that was opened, at file offset = address. The address space is
 * bound at open ({@code proc_mem_open}); once its process has exited, reads return 0
 * ({@code mmget_not_zero} fails). Pages come through GUP with {@code FOLL_FORCE}, so a
 * {@code PROT_NONE} mapping reads as if it were readable; an address with no page to read ends
 * the read, and one at its start is EIO.
 */
final class ProcMemFileOperations implements FileOperations {
    /** The address space opened; its process may have exited since. */
    private final Task target;
    private final Mm mm;

    ProcMemFileOperations(Task target) {
        this.target = target;
        this.mm = target.mm;
    }

    /** {@code mem_rw} for a read: page-sized chunks of {@code access_remote_vm}, copied out one by one. */
    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        if (target.mm != mm) {
            return 0; // mmget_not_zero: the address space is gone
        }
        byte[] chunk = new byte[(int) PAGE_SIZE];
        long copied = 0;
        while (buffer.count() > 0) {
            int length = (int) Math.min(buffer.count(), PAGE_SIZE);
            int got = accessRemoteVm(kiocb.pos, chunk, length);
            if (got == 0) {
                if (copied == 0) {
                    throw Errno.EIO.exception();
                }
                break;
            }
            if (buffer.copyTo(chunk, 0, got) < got) {
                throw Errno.EFAULT.exception(); // mem_rw: a failed copy_to_user is EFAULT, whatever came before
            }
            kiocb.pos += got;
            copied += got;
        }
        return copied;
    }

    /** Writing needs a forced COW break into read-only mappings, which the model's GUP does not have yet. */
    @Override
    public long write(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        throw new UnsupportedOperationException("writes through /proc/PID/mem (FOLL_FORCE|FOLL_WRITE) are not modelled");
    }

    /**
     * {@code __access_remote_vm} for a read: copies up to {@code length} bytes from {@code addr}
     * into {@code into}, a page at a time, until GUP cannot bring a page in; returns the bytes copied.
     */
    private int accessRemoteVm(long addr, byte[] into, int length) {
        int done = 0;
        int[] pfn = new int[1];
        while (done < length) {
            long at = addr + done;
            try {
                Gup.getUserPages(mm, at & ~(PAGE_SIZE - 1), 1, Gup.FOLL_FORCE | Gup.FOLL_REMOTE, pfn, null);
            } catch (ErrnoException e) {
                break;
            }
            int offset = (int) (at & (PAGE_SIZE - 1));
            int n = (int) Math.min(length - done, PAGE_SIZE - offset);
            MemorySegment.copy(mm.memory.contents(pfn[0]), offset, MemorySegment.ofArray(into), done, n);
            done += n;
        }
        return done;
    }

    /** procfs is {@code SB_I_NOEXEC}: an executable mapping of the file is EPERM before its missing mmap is ENODEV. */
    @Override
    public boolean noexec() {
        return true;
    }

    /** {@code mem_lseek}: SEEK_SET and SEEK_CUR only; any position, since offsets are unsigned addresses. */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        file.pos = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> file.pos + offset;
            default -> throw Errno.EINVAL.exception();
        };
        return file.pos;
    }
}
