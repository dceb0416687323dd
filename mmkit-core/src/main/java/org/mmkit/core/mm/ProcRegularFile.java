package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * What {@code /proc/PID/mem} and {@code /proc/PID/pagemap} share as procfs files that address a
 * process's memory: a regular file of size 0 whose offsets are unsigned ({@code mem_lseek}).
 * {@code clear_refs} is such a file too, with its own lseek.
 */
interface ProcRegularFile extends FileOperations {
    /** The file is {@code S_IFREG} with a size of 0: FIONREAD gives {@code -pos}, FIOQSIZE 0. */
    @Override
    default boolean isRegular() {
        return true;
    }

    /** {@code proc_setattr} accepts a new size and changes nothing. */
    @Override
    default void truncate(long length) {
    }

    /** procfs's {@code s_blocksize}: 1024. */
    @Override
    default long blockSize() {
        return ProcTextFileOperations.PROC_BLOCK_SIZE;
    }

    /** procfs is {@code SB_I_NOEXEC}: an executable mapping of the file is EPERM before its missing mmap is ENODEV. */
    @Override
    default boolean noexec() {
        return true;
    }

    /** {@code mem_lseek}: SEEK_SET and SEEK_CUR only; any position, since offsets are unsigned addresses. */
    @Override
    default long llseek(OpenFile file, long offset, int whence) {
        file.pos = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> file.pos + offset;
            default -> throw Errno.EINVAL.exception();
        };
        return file.pos;
    }
}
