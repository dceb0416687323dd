package org.mmkit.core.mm;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.pgtable.PteLayout;

/**
 * The kernel's copies to and from a process's memory ({@code copy_to_user},
 * {@code copy_from_user}): page by page through the MMU walk and, where it misses, the one fault
 * path, as a uaccess fault is handled — {@code FAULT_FLAG_ALLOW_RETRY} without
 * {@code FAULT_FLAG_USER}, so it may block and breaks COW like a user store. A fault that fails
 * stops the copy, which reports the bytes it did not copy ({@code ex_handler_uaccess}); the
 * {@code ...OrFault} forms turn a short copy into EFAULT, as system calls do.
 * Callers hold the machine lock (they run inside a system call of {@code task}).
 */
public final class UserCopy {
    private UserCopy() {
    }

    /**
     * {@code copy_to_user}: writes {@code len} bytes of {@code src} from {@code off} to user
     * address {@code addr} of {@code task}. Returns the number of bytes not copied (0 on success).
     */
    public static int copyToUser(Task task, long addr, byte[] src, int off, int len) {
        return copy(task, addr, MemorySegment.ofArray(src).asSlice(off, len), true);
    }

    /**
     * {@code copy_from_user}: reads {@code len} bytes at user address {@code addr} of
     * {@code task} into {@code dst} from {@code off}. Returns the number of bytes not copied; as
     * in the kernel, the bytes of {@code dst} that were not copied are zeroed.
     */
    public static int copyFromUser(Task task, long addr, byte[] dst, int off, int len) {
        int notCopied = copy(task, addr, MemorySegment.ofArray(dst).asSlice(off, len), false);
        MemorySegment.ofArray(dst).asSlice(off + len - notCopied, notCopied).fill((byte) 0);
        return notCopied;
    }

    /** {@link #copyToUser} of all of {@code src}; EFAULT if any byte was not copied. */
    public static void copyToUserOrFault(Task task, long addr, byte[] src) {
        if (copyToUser(task, addr, src, 0, src.length) != 0) {
            throw Errno.EFAULT.exception();
        }
    }

    /** {@link #copyFromUser} into all of {@code dst}; EFAULT if any byte was not copied. */
    public static void copyFromUserOrFault(Task task, long addr, byte[] dst) {
        if (copyFromUser(task, addr, dst, 0, dst.length) != 0) {
            throw Errno.EFAULT.exception();
        }
    }

    /**
     * Copies between {@code buffer} and user memory; returns the bytes left when a page could not
     * be accessed. {@code access_ok} first: a range reaching past the task size copies nothing.
     */
    private static int copy(Task task, long addr, MemorySegment buffer, boolean write) {
        task.machine.assertLocked();
        task.checkAliveLocked();
        long size = buffer.byteSize();
        long taskSize = task.machine.config.taskSize();
        if (Long.compareUnsigned(addr, taskSize) > 0 || Long.compareUnsigned(size, taskSize - addr) > 0) {
            return (int) size;
        }
        WaitQueue.Entry waiter = task.currentThread().waiter(); // a fault that waits blocks the calling thread
        int flags = FaultFlags.ALLOW_RETRY | (write ? FaultFlags.WRITE : 0);
        return (int) (size - CpuThread.copyPages(task.machine, addr, buffer, write, va -> {
            long pte = CpuThread.walk(task.mm, va, write);
            if (pte == CpuThread.NO_TRANSLATION) {
                VmFault outcome = Fault.resolve(task.mm, va, flags, waiter);
                task.checkAliveLocked(); // it may have exited while this thread slept
                if (outcome.isError()) {
                    return -1;
                }
                pte = CpuThread.walk(task.mm, va, write);
            }
            return (int) PteLayout.pfn(pte);
        }));
    }
}
