package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * {@code /proc/PID/pagemap} ({@code proc_pagemap_operations} of {@code fs/proc/task_mmu.c}): one
 * 8-byte entry per page at file offset {@code address / PAGE_SIZE * 8} ({@code pagemap_read}),
 * and the PAGEMAP_SCAN ioctl ({@link PagemapScan}). The address space is bound at open
 * ({@code pagemap_open}, {@code proc_mem_open}); once its process has exited, reads return 0 and
 * scans ESRCH.
 * Whether PFNs show is decided by the opener's CAP_SYS_ADMIN ({@code file_ns_capable}).
 */
final class PagemapFileOperations implements ProcRegularFile, ProcPidFile {
    /** Entries copied out at a time, as the kernel's bounce buffer does. */
    private static final int CHUNK_ENTRIES = 512;
    private final Task target;
    /** The address space opened; its process may have exited since. */
    private final Mm mm;
    private final boolean showPfn;

    PagemapFileOperations(Task opener, Task target) {
        this.target = target;
        this.mm = target.mm;
        this.showPfn = opener.privileged;
    }

    @Override
    public Task target() {
        return target;
    }

    @Override
    public String entryName() {
        return "pagemap";
    }

    /**
     * {@code pagemap_read}: 0 once the address space is gone; EINVAL for a position or count
     * that is not a multiple of 8; entries up to the task size; EFAULT when the buffer faults.
     */
    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        if (target.mm != mm) {
            return 0;
        }
        if (kiocb.pos % 8 != 0 || buffer.count() % 8 != 0) {
            throw Errno.EINVAL.exception();
        }
        long copied = 0;
        byte[] chunk = new byte[CHUNK_ENTRIES * 8];
        // a position past the task size (or negative, which is a huge unsigned one) is EOF
        while (buffer.count() > 0 && kiocb.pos >= 0) {
            byte[] into = buffer.count() >= chunk.length ? chunk : new byte[(int) buffer.count()];
            int length = ProcFiles.pagemapRead(mm, showPfn, kiocb.pos, into);
            if (length == 0) {
                break;
            }
            if (buffer.copyTo(into, 0, length) < length) {
                throw Errno.EFAULT.exception();
            }
            kiocb.pos += length;
            copied += length;
        }
        return copied;
    }

    /**
     * PAGEMAP_SCAN ({@code do_pagemap_scan}); other commands are EINVAL ({@code do_pagemap_cmd}).
     * Once the address space is gone the scan is ESRCH before its argument is read, as 6.18
     * takes a user of it ({@code mmget_not_zero}) first [obs: a bad size is ESRCH too].
     */
    @Override
    public long ioctl(Task task, OpenFile file, int cmd, long arg) {
        if (cmd != PAGEMAP_SCAN) {
            throw Errno.EINVAL.exception();
        }
        if (target.mm != mm) {
            throw Errno.ESRCH.exception();
        }
        return PagemapScan.ioctl(task, mm, arg);
    }
}
