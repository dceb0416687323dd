package org.mmkit.core.mm;

/**
 * One read or write in progress ({@code struct kiocb}): the file position it works at, which the
 * file type advances, and whether it appends. For {@code read}/{@code write} the position is the
 * open file's and goes back to it afterwards; for {@code pread}/{@code pwrite} it is the
 * caller's offset and the open file's stays.
 */
final class Kiocb {
    /** {@code ki_pos}. */
    long pos;
    /** {@code IOCB_APPEND}: a write starts at the end of the file ({@code generic_write_checks}). */
    final boolean append;

    Kiocb(long pos, boolean append) {
        this.pos = pos;
        this.append = append;
    }
}
