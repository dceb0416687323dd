package org.mmkit.core.mm;

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
    /** {@code f_count}: descriptor-table entries referring to this file; the last {@link #put} releases it. */
    private int references = 1;

    OpenFile(FileOperations ops, int flags) {
        this.ops = ops;
        this.flags = flags;
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
