package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.function.LongPredicate;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.RlimitLayout;
import org.mmkit.core.abi.Scalars;

/**
 * A process's resource limits ({@code signal->rlim}) and the calls that read and set them,
 * {@code getrlimit}, {@code setrlimit} and {@code prlimit64} ({@code kernel/sys.c: do_prlimit}).
 * The model keeps the limits memory management obeys: RLIMIT_AS and RLIMIT_DATA
 * ({@code may_expand_vm}, {@code brk}) and RLIMIT_MEMLOCK (mlock and its kin), and RLIMIT_NOFILE,
 * which bounds descriptor numbers ({@link FdTable}). A fork copies them. Guarded by the machine
 * lock.
 */
final class ResourceLimits {
    /** The reference machine's limits for every process, root or not: no AS or DATA limit, 8 MiB to lock. */
    private static final long DEFAULT_MEMLOCK = 8L << 20;
    /**
     * RLIMIT_NOFILE's boot defaults, {@code INR_OPEN_CUR} and {@code INR_OPEN_MAX}: soft 1024,
     * hard 4096. The kernel backend's executor sets the same on itself.
     */
    private static final long DEFAULT_NOFILE = 1024;
    private static final long DEFAULT_NOFILE_MAX = 4096;
    /** {@code sysctl_nr_open} ({@code fs.nr_open}) at its default, 1024 * 1024: no RLIMIT_NOFILE may be above it. */
    private static final long NR_OPEN = 1 << 20;

    /** {@code rlim_cur} of RLIMIT_DATA, RLIMIT_MEMLOCK and RLIMIT_AS; each at most its hard limit. */
    private final long[] soft = new long[RLIM_NLIMITS];
    /** {@code rlim_max} of the same resources. */
    private final long[] hard = new long[RLIM_NLIMITS];

    ResourceLimits() {
        for (int resource : new int[] {RLIMIT_DATA, RLIMIT_AS}) {
            soft[resource] = hard[resource] = RLIM_INFINITY;
        }
        soft[RLIMIT_MEMLOCK] = hard[RLIMIT_MEMLOCK] = DEFAULT_MEMLOCK;
        soft[RLIMIT_NOFILE] = DEFAULT_NOFILE;
        hard[RLIMIT_NOFILE] = DEFAULT_NOFILE_MAX;
    }

    /** {@code copy_signal} at fork: the child starts with the parent's limits. */
    ResourceLimits copy() {
        ResourceLimits copy = new ResourceLimits();
        System.arraycopy(soft, 0, copy.soft, 0, RLIM_NLIMITS);
        System.arraycopy(hard, 0, copy.hard, 0, RLIM_NLIMITS);
        return copy;
    }

    /** {@code rlimit(resource)}: the soft limit, in bytes or descriptors ({@link org.mmkit.core.Uapi#RLIM_INFINITY} for none). */
    long soft(int resource) {
        return soft[modelled(resource)];
    }

    /** {@code rlimit_max(resource)}: the hard limit. */
    long hard(int resource) {
        return hard[modelled(resource)];
    }

    /**
     * {@code may_expand_vm}: whether {@code pages} more pages of a mapping with {@code vmFlags}
     * keep {@code total_vm} within RLIMIT_AS and, for a data mapping, {@code data_vm} within
     * RLIMIT_DATA. A zero soft RLIMIT_DATA counts against the hard limit instead (the kernel's
     * workaround for Valgrind). The kernel's {@code ignore_rlimit_data} boot option is off, as by
     * default, so a data mapping past the limit fails (the kernel also logs a warning once, which
     * the model has no log for).
     */
    static boolean mayExpandVm(Task task, long vmFlags, long pages) {
        ResourceLimits limits = task.limits;
        if (exceeds(task.mm, limits.soft(RLIMIT_AS), pages, flags -> true)) {
            return false;
        }
        if (isDataMapping(vmFlags) && exceeds(task.mm, limits.soft(RLIMIT_DATA), pages, ResourceLimits::isDataMapping)) {
            return limits.soft(RLIMIT_DATA) == 0
                    && !exceeds(task.mm, limits.hard(RLIMIT_DATA), pages, ResourceLimits::isDataMapping);
        }
        return true;
    }

    /**
     * Whether {@code pages} more than the pages of the VMAs {@code counted} accepts
     * ({@code total_vm}, {@code data_vm}) pass {@code limit} bytes. Counting walks the VMAs, so an
     * unlimited resource, which no address space can reach, is not counted.
     */
    private static boolean exceeds(Mm mm, long limit, long pages, LongPredicate counted) {
        return limit != RLIM_INFINITY
                && Long.compareUnsigned(LockCall.pages(mm, 0, -1L, counted) + pages, limit >>> PAGE_SHIFT) > 0;
    }

    /** {@code is_data_mapping}: private, writable and not a stack (VM_GROWSDOWN on x86). */
    static boolean isDataMapping(long vmFlags) {
        return (vmFlags & (VmFlags.WRITE | VmFlags.SHARED | VmFlags.GROWSDOWN)) == VmFlags.WRITE;
    }

    /** {@code getrlimit}: the limits of {@code resource} into the {@code struct rlimit} at {@code addr}. */
    static void getrlimit(Task task, long resource, long addr) {
        long[] old = task.limits.prlimit(task, resource, null);
        UserCopy.copyToUserOrFault(task, addr, encode(old));
    }

    /** {@code setrlimit}: the {@code struct rlimit} at {@code addr} becomes the limits of {@code resource}. */
    static void setrlimit(Task task, long resource, long addr) {
        long[] limits = decode(task, addr);
        task.limits.prlimit(task, resource, limits);
    }

    /**
     * {@code prlimit64}: sets (when {@code newAddr} is not NULL) and reads (when {@code oldAddr}
     * is not NULL) the limits of process {@code pid} (0: the caller). A process may change the
     * limits of another only if it is privileged or the other is not ({@code check_prlimit_permission});
     * ESRCH for a pid that no live process has. The new limits hold even when writing the old
     * ones faults.
     */
    static void prlimit64(Task task, int pid, long resource, long newAddr, long oldAddr) {
        long[] limits = newAddr != 0 ? decode(task, newAddr) : null;
        Task target = pid == 0 ? task : task.machine.findTask(pid);
        if (target == null) {
            throw Errno.ESRCH.exception();
        }
        if (target != task && target.privileged && !task.privileged) {
            throw Errno.EPERM.exception();
        }
        long[] old = target.limits.prlimit(task, resource, limits);
        if (oldAddr != 0) {
            UserCopy.copyToUserOrFault(task, oldAddr, encode(old));
        }
    }

    /**
     * {@code do_prlimit}: EINVAL for a resource past {@code RLIM_NLIMITS} or a soft limit above
     * the hard one, EPERM for an RLIMIT_NOFILE above {@code fs.nr_open} and for raising the hard
     * limit without CAP_SYS_RESOURCE (which privileged processes hold); then the old limits are
     * returned and the new ones, if any, set.
     */
    private long[] prlimit(Task caller, long resource, long[] limits) {
        // the syscalls take the resource as an unsigned int
        long number = resource & 0xffffffffL;
        if (number >= RLIM_NLIMITS) {
            throw Errno.EINVAL.exception();
        }
        int r = modelled((int) number);
        if (limits != null) {
            if (Long.compareUnsigned(limits[0], limits[1]) > 0) {
                throw Errno.EINVAL.exception();
            }
            if (r == RLIMIT_NOFILE && Long.compareUnsigned(limits[1], NR_OPEN) > 0) {
                throw Errno.EPERM.exception();
            }
            if (Long.compareUnsigned(limits[1], hard[r]) > 0 && !caller.privileged) {
                throw Errno.EPERM.exception();
            }
        }
        long[] old = {soft[r], hard[r]};
        if (limits != null) {
            soft[r] = limits[0];
            hard[r] = limits[1];
        }
        return old;
    }

    /** The resource, if the model keeps it; an {@link UnsupportedOperationException} naming it otherwise. */
    private static int modelled(int resource) {
        if (resource != RLIMIT_DATA && resource != RLIMIT_MEMLOCK && resource != RLIMIT_AS && resource != RLIMIT_NOFILE) {
            throw new UnsupportedOperationException("resource limit " + resource
                    + " is not modelled (only RLIMIT_DATA, RLIMIT_NOFILE, RLIMIT_MEMLOCK and RLIMIT_AS are)");
        }
        return resource;
    }

    private static long[] decode(Task task, long addr) {
        byte[] raw = new byte[RlimitLayout.SIZE];
        UserCopy.copyFromUserOrFault(task, addr, raw);
        return new long[] {Scalars.U64.read(raw, RlimitLayout.CUR_OFFSET), Scalars.U64.read(raw, RlimitLayout.MAX_OFFSET)};
    }

    private static byte[] encode(long[] limits) {
        byte[] raw = new byte[RlimitLayout.SIZE];
        Scalars.U64.write(raw, RlimitLayout.CUR_OFFSET, limits[0]);
        Scalars.U64.write(raw, RlimitLayout.MAX_OFFSET, limits[1]);
        return raw;
    }
}
