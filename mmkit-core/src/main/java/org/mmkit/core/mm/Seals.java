package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * File seals ({@code mm/memfd.c}): {@code fcntl(F_ADD_SEALS, F_GET_SEALS)} and the check that
 * {@code mmap} makes against write seals. The checks of write, truncate and fallocate are the
 * shmem inode's ({@link ShmemFile#writeAllowed}, {@link ShmemFile#checkResizeSeals}).
 * Called with the machine lock held.
 */
final class Seals {
    private Seals() {
    }

    /** {@code F_ALL_SEALS}: the seals the kernel knows. */
    static final int ALL = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE | F_SEAL_EXEC;

    /** {@code memfd_fcntl}: the argument is the low 32 bits of fcntl's ({@code do_fcntl} passes an int). */
    static long fcntl(OpenFile file, int cmd, long arg) {
        if (cmd == F_GET_SEALS) {
            return file.shmem(Errno.EINVAL).seals;
        }
        add(file, (int) arg);
        return 0;
    }

    /**
     * {@code memfd_add_seals}: the file must be open for writing (EPERM), the seals known (EINVAL)
     * and the file shmem (EINVAL); F_SEAL_SEAL forbids more (EPERM). On an inode with exec bits,
     * F_SEAL_EXEC brings the shrink, grow and both write seals with it, before the write check.
     * A new F_SEAL_WRITE needs no shared VMA that may become writable ({@code mapping_deny_writable}:
     * EBUSY). The model has no long-term page pins, so {@code memfd_wait_for_pins} always succeeds.
     */
    static void add(OpenFile file, int seals) {
        if ((file.flags & O_ACCMODE) == O_RDONLY) {
            throw Errno.EPERM.exception();
        }
        if ((seals & ~ALL) != 0) {
            throw Errno.EINVAL.exception();
        }
        ShmemFile inode = file.shmem(Errno.EINVAL);
        if ((inode.seals & F_SEAL_SEAL) != 0) {
            throw Errno.EPERM.exception();
        }
        if ((seals & F_SEAL_EXEC) != 0 && (inode.mode & 0111) != 0) {
            seals |= F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE;
        }
        if ((seals & F_SEAL_WRITE) != 0 && (inode.seals & F_SEAL_WRITE) == 0 && inode.writablyMapped()) {
            throw Errno.EBUSY.exception();
        }
        inode.seals |= seals;
    }

    /**
     * {@code memfd_check_seals_mmap}: a shared mapping of a write-sealed file may not be writable
     * (EPERM) and loses VM_MAYWRITE, so that mprotect cannot make it writable later; private
     * mappings are not affected. Returns the VMA flags to use.
     */
    static long checkMmap(ShmemFile file, long vmFlags) {
        if (!file.writeSealed() || (vmFlags & VmFlags.SHARED) == 0) {
            return vmFlags;
        }
        if ((vmFlags & VmFlags.WRITE) != 0) {
            throw Errno.EPERM.exception();
        }
        return vmFlags & ~VmFlags.MAYWRITE;
    }
}
