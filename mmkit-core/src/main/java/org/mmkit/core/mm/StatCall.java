package org.mmkit.core.mm;

import org.mmkit.core.abi.StatLayout;
import org.mmkit.core.abi.Scalars;

/**
 * {@code fstat} ({@code fs/stat.c}): the inode's attributes as a {@code struct stat}
 * ({@link StatLayout}) in user memory. O_PATH descriptors may be asked ({@code fdget_raw}). The
 * model keeps no times: they read as 0.
 */
final class StatCall {
    private StatCall() {
    }

    /** The model's tmpfs device number ({@code st_dev}); the kernel's differs, so scenarios do not compare it. */
    private static final long DEVICE = 0x17;

    /**
     * What {@code getattr} reports of an inode.
     *
     * @param inode {@code st_ino}
     * @param mode {@code st_mode}: type and permission bits
     * @param nlink {@code st_nlink}
     * @param owner {@code st_uid} and {@code st_gid}
     * @param size {@code st_size} in bytes
     * @param allocated the bytes of the file's blocks ({@code st_blocks} counts 512-byte units)
     */
    record Attributes(long inode, int mode, long nlink, int owner, long size, long allocated) {
    }

    /** {@code vfs_fstat} + {@code cp_new_stat}: EBADF for a descriptor not open, EFAULT for a buffer that cannot be written. */
    static void fstat(Task task, int fd, long buf) {
        FileOperations ops = task.files.getRaw(fd).ops;
        Attributes a = ops.attributes();
        byte[] st = new byte[StatLayout.SIZE];
        Scalars.U64.write(st, StatLayout.DEV_OFFSET, DEVICE);
        Scalars.U64.write(st, StatLayout.INO_OFFSET, a.inode());
        Scalars.U64.write(st, StatLayout.NLINK_OFFSET, a.nlink());
        Scalars.U32.write(st, StatLayout.MODE_OFFSET, a.mode());
        Scalars.U32.write(st, StatLayout.UID_OFFSET, a.owner());
        Scalars.U32.write(st, StatLayout.GID_OFFSET, a.owner());
        Scalars.U64.write(st, StatLayout.SIZE_OFFSET, a.size());
        Scalars.U64.write(st, StatLayout.BLKSIZE_OFFSET, ops.blockSize());
        Scalars.U64.write(st, StatLayout.BLOCKS_OFFSET, a.allocated() / 512);
        UserCopy.copyToUserOrFault(task, buf, st);
    }
}
