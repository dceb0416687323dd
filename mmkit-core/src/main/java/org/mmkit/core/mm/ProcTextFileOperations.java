package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.mmkit.core.Errno;

/**
 * A text file of {@code /proc/PID} opened by path: {@code status}, {@code statm},
 * {@code smaps_rollup}, {@code maps} and {@code smaps} ({@code seq_file} files of
 * {@code fs/proc/base.c} and {@code fs/proc/task_mmu.c}). A read returns the bytes of the text
 * from the file position on. As {@code seq_read_iter} keeps what it made in its buffer, a read
 * that goes on where the last one ended reads on in the same text, and any other read (at
 * position 0, after a seek, a pread elsewhere) makes the text afresh from the address space as
 * it is then. (For maps and smaps the kernel makes one VMA's lines at a time, so a change
 * between two partial reads may show in the later VMAs; the model keeps the whole text.) A
 * process that has exited reads as empty. The files are regular, of size 0 and mode 0444: an unprivileged opener
 * cannot open them for writing (EACCES), and {@code write} on them is EINVAL
 * ({@code vfs_write} finds no {@code ->write}).
 */
final class ProcTextFileOperations implements ProcPidFile {
    /** procfs's block size ({@code proc_fill_super}: 1024), which {@code fstat} shows as {@code st_blksize}. */
    static final long PROC_BLOCK_SIZE = 1024;
    /** {@code S_IRUGO}: the permission bits of every such file. */
    private static final int MODE = 0444;

    private final Task target;
    /** The entry's name under {@code /proc/PID}. */
    private final String name;
    /** Makes the text of an address space. */
    private final Function<Mm, String> text;
    /** {@code seq_file}'s buffer: the text last made, and the file position where the last read ended. */
    private byte[] made;
    private long readTo = -1;

    ProcTextFileOperations(Task target, String name, Function<Mm, String> text) {
        this.target = target;
        this.name = name;
        this.text = text;
    }

    @Override
    public Task target() {
        return target;
    }

    @Override
    public String entryName() {
        return name;
    }

    /** {@code may_open} on a 0444 file: write access is EACCES unless the opener overrides permissions (privileged). */
    static void mayOpen(Task opener, int flags) {
        if ((flags & O_PATH) == 0 && (flags & O_ACCMODE) != O_RDONLY && !opener.privileged) {
            throw Errno.EACCES.exception();
        }
    }

    /** {@code seq_read_iter}: the text from {@code kiocb.pos}; 0 at or past its end, EFAULT when nothing could be copied. */
    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        if (kiocb.pos == 0 || kiocb.pos != readTo) {
            made = target.mm == null ? new byte[0] : text.apply(target.mm).getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = made;
        readTo = kiocb.pos;
        if (kiocb.pos >= bytes.length || buffer.count() == 0) {
            return 0;
        }
        int want = (int) Math.min(bytes.length - kiocb.pos, buffer.count());
        int copied = buffer.copyTo(bytes, (int) kiocb.pos, want);
        if (copied == 0) {
            throw Errno.EFAULT.exception();
        }
        kiocb.pos += copied;
        readTo = kiocb.pos;
        return copied;
    }

    /** {@code seq_lseek}: SEEK_SET and SEEK_CUR to a position that is not negative; else EINVAL. */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        long pos = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> file.pos + offset;
            default -> throw Errno.EINVAL.exception();
        };
        if (pos < 0) {
            throw Errno.EINVAL.exception();
        }
        file.pos = pos;
        return pos;
    }

    /** The file is {@code S_IFREG} with a size of 0. */
    @Override
    public boolean isRegular() {
        return true;
    }

    /** {@code proc_setattr} accepts a new size and changes nothing. */
    @Override
    public void truncate(long length) {
    }

    /** procfs's {@code s_blocksize}: 1024. */
    @Override
    public long blockSize() {
        return PROC_BLOCK_SIZE;
    }

    /** procfs is {@code SB_I_NOEXEC}: an executable mapping is EPERM before the missing mmap is ENODEV. */
    @Override
    public boolean noexec() {
        return true;
    }

    @Override
    public StatCall.Attributes attributes() {
        return new StatCall.Attributes(0, S_IFREG | MODE, 1, target.fsuid(), 0, 0);
    }
}
