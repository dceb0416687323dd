package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * The working directory opened as a file ({@code shmem_dir_operations}): it can be named,
 * passed to {@code openat} and {@code fstat}ed; reading gives EISDIR ({@code generic_read_dir}),
 * and it cannot be mapped (no {@code ->mmap}: ENODEV). Listing it is not modelled.
 */
final class DirectoryFileOperations implements FileOperations {
    /** The directory's inode number; files get theirs from {@link Machine#allocateInode}, which starts at 1. */
    private static final long DIRECTORY_INODE = 0;

    final TmpfsDirectory directory;

    DirectoryFileOperations(TmpfsDirectory directory) {
        this.directory = directory;
    }

    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        throw Errno.EISDIR.exception();
    }

    /** {@code dcache_dir_lseek}: SEEK_SET and SEEK_CUR to a position that is not negative; nothing else. */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        long target = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> file.pos + offset;
            default -> -1;
        };
        if (target < 0) {
            throw Errno.EINVAL.exception();
        }
        file.pos = target;
        return target;
    }

    /** The directory the kernel backend makes is mode 0777, so that unprivileged processes create files too. */
    @Override
    public StatCall.Attributes attributes() {
        return new StatCall.Attributes(DIRECTORY_INODE, S_IFDIR | 0777, 2, 0, directory.size(), 0);
    }
}
