package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.foreign.MemorySegment;

import org.mmkit.core.Errno;
import org.mmkit.core.pgtable.PteLayout;

/**
 * The kernel's accesses to user memory ({@code copy_to_user}, {@code copy_from_user}): page by
 * page through the page tables, faulting pages in through {@link Fault#handle} as the exception
 * fixup of a uaccess does. A fault that fails (no VMA, no access, SIGBUS, OOM) ends the copy: no
 * signal is sent, the caller sees the bytes not copied. Callers hold the machine lock.
 */
final class UserCopy {
    private UserCopy() {
    }

    /** {@code copy_to_user}: returns the number of bytes NOT copied. */
    static int copyToUser(Task task, long addr, byte[] src, int off, int len) {
        return copy(task, addr, src, off, len, true);
    }

    /** {@code copy_from_user}: returns the number of bytes NOT copied. */
    static int copyFromUser(Task task, long addr, byte[] dst, int off, int len) {
        return copy(task, addr, dst, off, len, false);
    }

    /** All of {@code src} to user memory, else EFAULT. */
    static void copyToUserOrFault(Task task, long addr, byte[] src) {
        if (copyToUser(task, addr, src, 0, src.length) != 0) {
            throw Errno.EFAULT.exception();
        }
    }

    /** All of {@code dst} from user memory, else EFAULT. */
    static void copyFromUserOrFault(Task task, long addr, byte[] dst) {
        if (copyFromUser(task, addr, dst, 0, dst.length) != 0) {
            throw Errno.EFAULT.exception();
        }
    }

    private static int copy(Task task, long addr, byte[] buffer, int off, int len, boolean toUser) {
        int done = 0;
        while (done < len) {
            long va = addr + done;
            int pfn = frame(task, va, toUser);
            if (pfn < 0) {
                break;
            }
            int inPage = (int) (va & (PAGE_SIZE - 1));
            int chunk = (int) Math.min(len - done, PAGE_SIZE - inPage);
            MemorySegment page = task.machine.memory.contents(pfn);
            MemorySegment user = MemorySegment.ofArray(buffer);
            if (toUser) {
                MemorySegment.copy(user, off + done, page, inPage, chunk);
            } else {
                MemorySegment.copy(page, inPage, user, off + done, chunk);
            }
            done += chunk;
        }
        return len - done;
    }

    /** The frame behind {@code va} for a kernel access, setting accessed/dirty as the MMU does; -1 if the fault fails. */
    private static int frame(Task task, long va, boolean write) {
        if (va < 0 || va >= task.machine.config.taskSize()) {
            return -1; // access_ok
        }
        Mm mm = task.mm;
        long pageVa = va & -PAGE_SIZE;
        for (int attempt = 0; ; attempt++) {
            long pte = mm.pte(pageVa);
            if (Fault.satisfies(pte, write)) {
                long updated = pte | PteLayout.ACCESSED | (write ? PteLayout.DIRTY : 0);
                if (updated != pte) {
                    mm.pageTables.set(pageVa, updated);
                }
                return (int) PteLayout.pfn(updated);
            }
            if (attempt > 0) {
                throw new IllegalStateException("fault at 0x" + Long.toHexString(va) + " did not resolve");
            }
            if (Fault.handle(mm, va, write) != Fault.Result.DONE) {
                return -1;
            }
        }
    }
}
