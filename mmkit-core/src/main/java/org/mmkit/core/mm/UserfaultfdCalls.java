package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;

/**
 * Creating a userfaultfd and the ioctls that set it up ({@code fs/userfaultfd.c}):
 * {@code userfaultfd(2)}, {@code UFFDIO_API}, {@code UFFDIO_REGISTER}, {@code UFFDIO_UNREGISTER},
 * {@code UFFDIO_WAKE}; and what other calls do to registrations: fork and mremap without their
 * events drop them ({@link #resetCtx}). Called with the machine lock held.
 */
final class UserfaultfdCalls {
    private UserfaultfdCalls() {
    }

    /** {@code UFFD_SHARED_FCNTL_FLAGS}: the file flags {@code userfaultfd(2)} takes. */
    private static final int SHARED_FCNTL_FLAGS = O_CLOEXEC | O_NONBLOCK;
    /** {@code UFFD_API_REGISTER_MODES}. */
    private static final long REGISTER_MODES = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP
            | UFFDIO_REGISTER_MODE_MINOR;

    /**
     * {@code SYSCALL_DEFINE1(userfaultfd)}: the permission check comes first
     * ({@code userfaultfd_syscall_allowed}: UFFD_USER_MODE_ONLY, CAP_SYS_PTRACE — a privileged
     * process — or {@code vm.unprivileged_userfaultfd}), else EPERM even for invalid flags.
     */
    static int userfaultfd(Task task, int flags) {
        if ((flags & UFFD_USER_MODE_ONLY) == 0 && !task.privileged
                && !task.machine.config.unprivilegedUserfaultfd()) {
            throw Errno.EPERM.exception();
        }
        return newUserfaultfd(task, flags);
    }

    /**
     * {@code new_userfaultfd}: flags other than O_CLOEXEC, O_NONBLOCK and UFFD_USER_MODE_ONLY are
     * EINVAL; the context serves the caller's address space; the file is read-only, its status
     * flags only O_NONBLOCK (F_GETFL shows no O_CLOEXEC, as on the reference kernel).
     */
    static int newUserfaultfd(Task task, int flags) {
        if ((flags & ~(SHARED_FCNTL_FLAGS | UFFD_USER_MODE_ONLY)) != 0) {
            throw Errno.EINVAL.exception();
        }
        UserfaultfdCtx ctx = new UserfaultfdCtx(task, flags);
        OpenFile file = new OpenFile(ctx, O_RDONLY | (flags & O_NONBLOCK)); // O_CLOEXEC is the descriptor's
        return task.files.install(file, (flags & O_CLOEXEC) != 0);
    }

    /**
     * {@code /dev/userfaultfd} ({@code userfaultfd_dev_fops}): a character device of mode 0600
     * owned by root, so an unprivileged process cannot open it (EACCES); its one ioctl,
     * {@code USERFAULTFD_IOC_NEW}, makes a context as {@link #newUserfaultfd} does, without the
     * permission check of the system call. Other commands are EINVAL.
     */
    static final class Device implements FileOperations {
        /** {@code open("/dev/userfaultfd")}'s permission check and file. */
        static PathLookup.Found open(Task task) {
            if (!task.privileged) {
                throw Errno.EACCES.exception();
            }
            return new PathLookup.Found.Special(new Device());
        }

        @Override
        public long ioctl(Task task, OpenFile file, int cmd, long arg) {
            if (cmd != USERFAULTFD_IOC_NEW) {
                throw Errno.EINVAL.exception();
            }
            return newUserfaultfd(task, (int) arg);
        }
    }

    /** {@code copy_from_user} of a struct of {@code size} bytes; EFAULT if any is unreadable. */
    static byte[] readStruct(Task task, long addr, int size) {
        byte[] bytes = new byte[size];
        UserCopy.copyFromUserOrFault(task, addr, bytes);
        return bytes;
    }

    /** {@code put_user} of a 64-bit result field; EFAULT if it cannot be written. */
    static void putU64(Task task, long addr, long value) {
        UserCopy.copyToUserOrFault(task, addr, Scalars.U64.bytes(value));
    }

    /**
     * {@code userfaultfd_api}: {@code api} must be {@link org.mmkit.core.Uapi#UFFD_API}; EVENT_FORK
     * needs CAP_SYS_PTRACE (EPERM); WP_ASYNC brings WP_UNPOPULATED; an unknown feature is EINVAL.
     * The reply holds every feature and {@link UserfaultfdCtx#API_IOCTLS}; only the requested
     * features are enabled. A context set up already fails with EINVAL after the reply was
     * written. On failure the struct is zeroed, and the call may be retried.
     */
    static long api(UserfaultfdCtx ctx, Task task, long arg) {
        byte[] api = readStruct(task, arg, UffdioApiLayout.SIZE);
        long features = Scalars.U64.read(api, UffdioApiLayout.FEATURES_OFFSET);
        try {
            if (Scalars.U64.read(api, UffdioApiLayout.API_OFFSET) != UFFD_API) {
                throw Errno.EINVAL.exception();
            }
            if ((features & UFFD_FEATURE_EVENT_FORK) != 0 && !task.privileged) {
                throw Errno.EPERM.exception();
            }
            if ((features & UFFD_FEATURE_WP_ASYNC) != 0) {
                features |= UFFD_FEATURE_WP_UNPOPULATED;
            }
            if ((features & ~UserfaultfdCtx.API_FEATURES) != 0) {
                throw Errno.EINVAL.exception();
            }
            Scalars.U64.write(api, UffdioApiLayout.FEATURES_OFFSET, UserfaultfdCtx.API_FEATURES);
            Scalars.U64.write(api, UffdioApiLayout.IOCTLS_OFFSET, UserfaultfdCtx.API_IOCTLS);
            UserCopy.copyToUserOrFault(task, arg, api);
            if (ctx.initialized) {
                throw Errno.EINVAL.exception();
            }
        } catch (org.mmkit.core.ErrnoException e) {
            UserCopy.copyToUserOrFault(task, arg, new byte[UffdioApiLayout.SIZE]);
            throw e;
        }
        ctx.features = features;
        ctx.initialized = true;
        return 0;
    }

    /**
     * {@code validate_unaligned_range}: EINVAL for a length of 0 or not a page multiple, a start
     * below {@code mmap_min_addr}, or a range that does not fit below the task size.
     */
    static void validateUnalignedRange(Machine machine, long start, long len) {
        long taskSize = machine.config.taskSize();
        if ((len & ~PAGE_MASK) != 0 || len == 0 || Long.compareUnsigned(start, machine.config.mmapMinAddr()) < 0
                || Long.compareUnsigned(start, taskSize) >= 0 || Long.compareUnsigned(len, taskSize - start) > 0) {
            throw Errno.EINVAL.exception();
        }
    }

    /** {@code validate_range}: {@link #validateUnalignedRange} of a page-aligned start. */
    static void validateRange(Machine machine, long start, long len) {
        if ((start & ~PAGE_MASK) != 0) {
            throw Errno.EINVAL.exception();
        }
        validateUnalignedRange(machine, start, len);
    }

    /**
     * {@code vma_can_userfault}: never a VM_DROPPABLE mapping; MINOR only on shmem; otherwise
     * anonymous and shmem memory, and with WP_ASYNC a WP-only registration any memory. Every file
     * of the model is shmem (hugetlb is not modelled yet), so only the first two rules can refuse.
     */
    static boolean vmaCanUserfault(Vma vma, long vmFlags) {
        vmFlags &= VmFlags.UFFD_FLAGS;
        if (vma.has(VmFlags.DROPPABLE)) {
            return false;
        }
        if ((vmFlags & VmFlags.UFFD_MINOR) != 0 && vma.isAnonymous()) {
            return false;
        }
        return true;
    }

    /**
     * {@code userfaultfd_register}: the mode (0 or unknown bits: EINVAL), the range
     * ({@link #validateRange}), a VMA in it (EINVAL); every VMA there must suit the mode (EINVAL),
     * allow writing (VM_MAYWRITE, else EPERM) and belong to no other context (EBUSY). Holes are
     * allowed. Then {@code userfaultfd_register_range}, and the ioctls the range supports are
     * written back: WRITEPROTECT only for WP, CONTINUE only for MINOR.
     */
    static long register(UserfaultfdCtx ctx, Task task, long arg) {
        byte[] reg = readStruct(task, arg, UffdioRegisterLayout.IOCTLS_OFFSET);
        long start = Scalars.U64.read(reg, UffdioRegisterLayout.RANGE_OFFSET + UffdioRangeLayout.START_OFFSET);
        long len = Scalars.U64.read(reg, UffdioRegisterLayout.RANGE_OFFSET + UffdioRangeLayout.LEN_OFFSET);
        long mode = Scalars.U64.read(reg, UffdioRegisterLayout.MODE_OFFSET);
        if (mode == 0 || (mode & ~REGISTER_MODES) != 0) {
            throw Errno.EINVAL.exception();
        }
        long vmFlags = ((mode & UFFDIO_REGISTER_MODE_MISSING) != 0 ? VmFlags.UFFD_MISSING : 0)
                | ((mode & UFFDIO_REGISTER_MODE_WP) != 0 ? VmFlags.UFFD_WP : 0)
                | ((mode & UFFDIO_REGISTER_MODE_MINOR) != 0 ? VmFlags.UFFD_MINOR : 0);
        validateRange(task.machine, start, len);
        if (!ctx.mmAlive()) {
            throw Errno.ENOMEM.exception();
        }
        long end = start + len;
        Mm mm = ctx.mm;
        Vma first = firstIn(mm, start, end);
        for (Vma cur = first; cur != null && cur.start < end; cur = mm.next(cur)) {
            if (!vmaCanUserfault(cur, vmFlags)) {
                throw Errno.EINVAL.exception();
            }
            if (!cur.has(VmFlags.MAYWRITE)) {
                throw Errno.EPERM.exception();
            }
            if (cur.uffdCtx != null && cur.uffdCtx != ctx) {
                throw Errno.EBUSY.exception();
            }
        }
        // userfaultfd_register_range
        for (Vma vma = first; vma != null && vma.start < end; vma = mm.next(vma)) {
            if (vma.uffdCtx == ctx && (vma.flags & vmFlags) == vmFlags) {
                continue; // registered with this context in these modes already
            }
            vma = mm.modify(vma, Math.max(start, vma.start), Math.min(end, vma.end),
                    (vma.flags & ~VmFlags.UFFD_FLAGS) | vmFlags, vma.anonName, ctx);
        }
        long ioctls = UserfaultfdCtx.RANGE_IOCTLS;
        if ((mode & UFFDIO_REGISTER_MODE_WP) == 0) {
            ioctls &= ~UserfaultfdCtx.bit(UFFDIO_WRITEPROTECT);
        }
        if ((mode & UFFDIO_REGISTER_MODE_MINOR) == 0) {
            ioctls &= ~UserfaultfdCtx.bit(UFFDIO_CONTINUE);
        }
        putU64(task, arg + UffdioRegisterLayout.IOCTLS_OFFSET, ioctls);
        return 0;
    }

    /** {@code vma_find(&vmi, end)} from {@code start}: the first VMA meeting [start, end); EINVAL if none. */
    private static Vma firstIn(Mm mm, long start, long end) {
        Vma vma = mm.findVma(start);
        if (vma == null || vma.start >= end) {
            throw Errno.EINVAL.exception();
        }
        return vma;
    }

    /**
     * {@code userfaultfd_unregister}: the range as for REGISTER; a VMA there registered with
     * another context, or one that cannot be registered at all, is EINVAL. Unregistered VMAs are
     * skipped. A VMA registered for missing faults first wakes the faults of its part of the
     * range; then {@link #clearVma}.
     */
    static long unregister(UserfaultfdCtx ctx, Task task, long arg) {
        byte[] range = readStruct(task, arg, UffdioRangeLayout.SIZE);
        long start = Scalars.U64.read(range, UffdioRangeLayout.START_OFFSET);
        long len = Scalars.U64.read(range, UffdioRangeLayout.LEN_OFFSET);
        validateRange(task.machine, start, len);
        if (!ctx.mmAlive()) {
            throw Errno.ENOMEM.exception();
        }
        long end = start + len;
        Mm mm = ctx.mm;
        Vma first = firstIn(mm, start, end);
        for (Vma cur = first; cur != null && cur.start < end; cur = mm.next(cur)) {
            if ((cur.uffdCtx != null && cur.uffdCtx != ctx) || !vmaCanUserfault(cur, cur.flags)) {
                throw Errno.EINVAL.exception();
            }
        }
        for (Vma vma = first; vma != null && vma.start < end; vma = mm.next(vma)) {
            if (vma.uffdCtx == null) {
                continue;
            }
            long from = Math.max(start, vma.start);
            long to = Math.min(end, vma.end);
            if (vma.has(VmFlags.UFFD_MISSING)) {
                ctx.wakeLocked(from, to - from);
            }
            vma = clearVma(mm, vma, from, to);
        }
        return 0;
    }

    /** {@code userfaultfd_wake}: wakes the faults of a range validated as for REGISTER. */
    static long wake(UserfaultfdCtx ctx, Task task, long arg) {
        byte[] range = readStruct(task, arg, UffdioRangeLayout.SIZE);
        long start = Scalars.U64.read(range, UffdioRangeLayout.START_OFFSET);
        long len = Scalars.U64.read(range, UffdioRangeLayout.LEN_OFFSET);
        validateRange(task.machine, start, len);
        ctx.wakeLocked(start, len);
        return 0;
    }

    /**
     * {@code userfaultfd_clear_vma}: [start, end) of {@code vma} loses its registration, and its
     * uffd-wp protection if it was registered for WP; the range may merge with its neighbours.
     * Returns the VMA now covering the range.
     */
    static Vma clearVma(Mm mm, Vma vma, long start, long end) {
        if (vma.has(VmFlags.UFFD_WP)) {
            UffdWriteProtect.uffdWpRange(mm, vma, start, end, false);
        }
        return mm.modify(vma, start, end, vma.flags & ~VmFlags.UFFD_FLAGS, vma.anonName, null);
    }

    /**
     * {@code userfaultfd_reset_ctx}: {@code vma} loses its registration in place, without merging
     * (a forked child's copy without EVENT_FORK, {@code dup_userfaultfd}; a VMA mremap moved
     * without EVENT_REMAP, {@code mremap_userfaultfd_prep}). Its PTEs are not touched: the
     * fork's copy and the mremap's move have dropped their uffd-wp state already
     * ({@link UffdWriteProtect#forkEntry}, {@link UffdWriteProtect#remapEntry}).
     */
    static void resetCtx(Vma vma) {
        vma.flags &= ~VmFlags.UFFD_FLAGS;
        vma.uffdCtx = null;
    }
}
