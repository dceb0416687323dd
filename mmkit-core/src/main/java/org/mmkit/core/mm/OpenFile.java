package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * An open file description ({@code struct file}): what a descriptor refers to, shared by the
 * descriptors that {@code fork} ({@code dup_fd}) copies, with one file position and one set of
 * status flags for all of them. Guarded by the machine lock.
 */
final class OpenFile {
    final FileOperations ops;
    /** {@code f_pos}; never negative. */
    long pos;
    /** {@code f_flags}: the access mode and status flags ({@code O_NONBLOCK}, {@code FASYNC}, {@code O_LARGEFILE}). */
    int flags;
    /**
     * {@code f_mode}: {@link #FMODE_READ} and {@link #FMODE_WRITE} from the access mode
     * ({@code OPEN_FMODE}: O_RDONLY reads, O_WRONLY writes, O_RDWR both, 3 neither), or
     * {@link #FMODE_PATH} alone for O_PATH. Fixed at open.
     */
    final int mode;
    /** {@code f_count}: descriptor-table entries referring to this file; the last {@link #put} releases it. */
    private int references = 1;

    static final int FMODE_READ = 1;
    static final int FMODE_WRITE = 2;
    static final int FMODE_PATH = 0x4000;

    OpenFile(FileOperations ops, int flags) {
        this.ops = ops;
        this.flags = flags;
        this.mode = (flags & O_PATH) != 0 ? FMODE_PATH : (flags + 1) & O_ACCMODE;
    }

    /** Opened for reading ({@code FMODE_READ}). */
    boolean readable() {
        return (mode & FMODE_READ) != 0;
    }

    /** Opened for writing ({@code FMODE_WRITE}). */
    boolean writable() {
        return (mode & FMODE_WRITE) != 0;
    }

    /** An O_PATH file, which {@code fdget} does not return: most calls see EBADF. */
    boolean isPath() {
        return mode == FMODE_PATH;
    }

    int references() {
        return references;
    }

    /** {@code get_file}: one more descriptor refers to this file. */
    OpenFile get() {
        references++;
        return this;
    }

    /** {@code fput}: a descriptor went; the last one releases the file. */
    void put() {
        if (--references == 0) {
            ops.release();
        }
    }

    /** The shmem inode behind this file, for calls only shmem files take; else {@code otherwise}. */
    ShmemFile shmem(Errno otherwise) {
        if (ops instanceof ShmemFileOperations shmem) {
            return shmem.inode;
        }
        throw otherwise.exception();
    }
}
