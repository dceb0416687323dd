package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * {@code shmem_file_operations}: read, write and seek of a memfd through its page cache
 * ({@code mm/shmem.c}). Reads stop at EOF and read holes as zeros without allocating; writes
 * allocate pages, dirty them and grow the file. A user buffer that faults part way gives a short
 * count, or EFAULT when nothing was copied.
 */
final class ShmemFileOperations implements FileOperations {
    /** The inode; the open file holds one of its users ({@link ShmemFile#open}) until released. */
    final ShmemFile inode;
    /** Opened by path ({@code shmem_file_open} sets {@code FMODE_CAN_ODIRECT}); a memfd_create file is not. */
    private final boolean openedByPath;

    ShmemFileOperations(ShmemFile inode, boolean openedByPath) {
        this.inode = inode;
        this.openedByPath = openedByPath;
        inode.open();
    }

    @Override
    public boolean canDirectIo() {
        return openedByPath;
    }

    /**
     * {@code shmem_file_read_iter}: page by page, {@code SGP_READ} (a hole or a fallocated page
     * reads as zeros; a page out in swap is read back into the page cache first); a read from the
     * start of a cached page marks it accessed.
     */
    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        PhysicalMemory memory = inode.memory();
        byte[] chunk = new byte[(int) PAGE_SIZE];
        long done = 0;
        while (buffer.count() > 0 && kiocb.pos < inode.size) {
            int offset = (int) (kiocb.pos & (PAGE_SIZE - 1));
            int n = (int) Math.min(PAGE_SIZE - offset, Math.min(inode.size - kiocb.pos, buffer.count()));
            long index = kiocb.pos >>> PAGE_SHIFT;
            if (!inode.swapIn(index)) {
                if (done == 0) {
                    throw Errno.ENOMEM.exception();
                }
                return done;
            }
            if (inode.isUptodate(index)) {
                if (offset == 0) {
                    Vmscan.markAccessed(memory, inode.lookup(index)); // a read of the page's beginning
                }
                MemorySegment.copy(memory.contents(inode.lookup(index)), offset, MemorySegment.ofArray(chunk), 0, n);
            } else {
                Arrays.fill(chunk, 0, n, (byte) 0);
            }
            int copied = buffer.copyTo(chunk, 0, n);
            kiocb.pos += copied;
            done += copied;
            if (copied < n) {
                return shortCount(done);
            }
        }
        return done;
    }

    /**
     * {@code shmem_file_write_iter} → {@code generic_perform_write}: copies the user buffer one
     * destination page at a time into the page cache ({@code shmem_write_begin} with
     * {@code SGP_WRITE} allocates, {@code shmem_write_end} marks the page up to date and dirty and
     * moves EOF). An appending write starts at EOF ({@code generic_write_checks}). The page is
     * allocated before the copy (6.18 no longer faults the buffer in first), so a copy that faults
     * at once still leaves a zeroed, dirty page in the cache, and {@code shmem_write_end} moves
     * EOF to the write's position all the same. After a copy of nothing the buffer is faulted in
     * and the copy tried again; only when that brings nothing either does the call end, with the
     * bytes written or EFAULT. The retry matters when the buffer maps this file past its old end. Seals are checked per page before its copy
     * ({@code shmem_write_begin}): a write that reaches past EOF under F_SEAL_GROW stops short at
     * the page that would grow the file.
     */
    @Override
    public long write(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        PhysicalMemory memory = inode.memory();
        if (kiocb.append) {
            kiocb.pos = inode.size;
        }
        byte[] chunk = new byte[(int) PAGE_SIZE];
        long done = 0;
        boolean faultedIn = false; // a copy of nothing was retried since the last progress
        while (buffer.count() > 0) {
            int offset = (int) (kiocb.pos & (PAGE_SIZE - 1));
            int n = (int) Math.min(PAGE_SIZE - offset, buffer.count());
            if (!inode.writeAllowed(kiocb.pos, n)) {
                if (done == 0) {
                    throw Errno.EPERM.exception();
                }
                return done; // generic_perform_write: the bytes written before the refused page
            }
            int pfn = Fault.cachePage(task.mm, inode, kiocb.pos >>> PAGE_SHIFT);
            if (pfn < 0) {
                if (done == 0) {
                    throw Errno.ENOMEM.exception();
                }
                return done;
            }
            Vmscan.markAccessed(memory, pfn); // SGP_WRITE: a new page starts referenced
            int copied = buffer.copyFrom(chunk, 0, n);
            memory.set(pfn, PhysicalMemory.PG_DIRTY);
            MemorySegment.copy(MemorySegment.ofArray(chunk), 0, memory.contents(pfn), offset, copied);
            kiocb.pos += copied;
            done += copied;
            // shmem_write_end moves EOF to pos + copied, even when nothing was copied
            inode.size = Math.max(inode.size, kiocb.pos);
            if (copied > 0) {
                faultedIn = false;
            } else if (faultedIn) {
                return shortCount(done);
            } else {
                // fault_in_iov_iter_readable, then the same chunk again: the new EOF may have
                // made readable a buffer that maps this very file past its old end
                faultedIn = true;
            }
        }
        return done;
    }

    /** What a copy cut short by a bad user buffer returns: the bytes done, or EFAULT for none. */
    private static long shortCount(long done) {
        if (done == 0) {
            throw Errno.EFAULT.exception();
        }
        return done;
    }

    /**
     * {@code shmem_file_llseek}: SEEK_SET, SEEK_CUR and SEEK_END as {@code generic_file_llseek_size}
     * (up to {@code MAX_LFS_FILESIZE}); SEEK_DATA and SEEK_HOLE by {@code mapping_seek_hole_data}.
     */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        long target = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> file.pos + offset;
            case SEEK_END -> inode.size + offset;
            case SEEK_DATA, SEEK_HOLE -> seekHoleData(offset, whence == SEEK_DATA);
            default -> throw Errno.EINVAL.exception();
        };
        if (target < 0) {
            throw Errno.EINVAL.exception(); // vfs_setpos; also an overflowing sum
        }
        file.pos = target;
        return target;
    }

    /**
     * {@code mapping_seek_hole_data} below {@code i_size}: data is an up-to-date cached page or a
     * swap entry ({@code folio_seek_hole_data}; a fallocated page not yet used is a hole); the end
     * of the file counts as a hole. ENXIO when {@code offset} is negative or at or past EOF, or
     * when no data follows it.
     */
    private long seekHoleData(long offset, boolean data) {
        if (offset < 0 || offset >= inode.size) {
            throw Errno.ENXIO.exception();
        }
        long index = offset >>> PAGE_SHIFT;
        if (data) {
            long[] first = {-1};
            inode.pageCache.forEach(index, inode.sizePages(), (at, entry) -> {
                if (first[0] < 0 && isData(at)) {
                    first[0] = at;
                }
            });
            if (first[0] < 0) {
                throw Errno.ENXIO.exception();
            }
            return Math.max(offset, first[0] << PAGE_SHIFT);
        }
        while (isData(index)) {
            index++;
        }
        return Math.min(inode.size, Math.max(offset, index << PAGE_SHIFT));
    }

    private boolean isData(long index) {
        return PageCache.isValue(inode.pageCache.load(index)) || inode.isUptodate(index);
    }

    @Override
    public void release() {
        inode.release();
    }

    @Override
    public boolean isRegular() {
        return true;
    }

    /** {@code shmem_setattr}. */
    @Override
    public void truncate(long length) {
        FileCalls.truncate(inode, length);
    }

    @Override
    public long size() {
        return inode.size;
    }

    @Override
    public StatCall.Attributes attributes() {
        return new StatCall.Attributes(inode.inode, S_IFREG | inode.mode, inode.nlink, inode.owner, inode.size,
                allocatedBytes());
    }

    /** {@code i_blocks}: shmem counts every page it holds for the file, written, fallocated or swapped out. */
    @Override
    public long allocatedBytes() {
        long[] entries = {0};
        inode.pageCache.forEach(0, Long.MAX_VALUE, (index, entry) -> entries[0]++);
        return entries[0] * PAGE_SIZE;
    }
}
