package org.mmkit.core.mm;

import org.mmkit.core.Errno;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.Signal;

/**
 * What the fault path decided ({@code vm_fault_t} plus the arch handler's {@code bad_area} cases),
 * and the one table that turns it into what the faulting caller sees: a signal with its
 * {@code si_code} for a CPU access ({@code do_user_addr_fault}, {@code mm_fault_error}), an errno
 * for everyone else — GUP and populate ({@code vm_fault_to_errno}), {@code copy_from_user}.
 */
enum VmFault {
    /** The PTE now allows the access, or the fault must simply be walked again (the CPU re-executes). */
    DONE(null, 0, null),
    /** {@code VM_FAULT_RETRY}: the handler dropped the lock; fault again with {@link FaultFlags#TRIED}. */
    RETRY(null, 0, null),
    /**
     * The thread waits for someone else (userfaultfd, a racing swap-in): it sleeps on the wait
     * queue it joined, with the machine lock released, then faults again with
     * {@link FaultFlags#TRIED}.
     */
    BLOCKED(null, 0, null),
    /** No VMA at the address ({@code bad_area}); GUP's {@code gup_vma_lookup} gives EFAULT. */
    MAPERR(Signal.SIGSEGV, Signal.SEGV_MAPERR, Errno.EFAULT),
    /** The VMA forbids the access ({@code access_error}); GUP's {@code check_vma_flags} gives EFAULT. */
    ACCERR(Signal.SIGSEGV, Signal.SEGV_ACCERR, Errno.EFAULT),
    /** {@code VM_FAULT_SIGSEGV}: a guard marker; the arch handler reports it as {@code bad_area}. */
    SIGSEGV(Signal.SIGSEGV, Signal.SEGV_MAPERR, Errno.EFAULT),
    /** {@code VM_FAULT_SIGBUS}: e.g. a file page past EOF. */
    SIGBUS(Signal.SIGBUS, Signal.BUS_ADRERR, Errno.EFAULT),
    /**
     * {@code VM_FAULT_HWPOISON}: a poison marker. {@code do_sigbus} reports BUS_MCEERR_AR only
     * with CONFIG_MEMORY_FAILURE, which the reference kernel lacks: there it is BUS_ADRERR.
     */
    HWPOISON(Signal.SIGBUS, Signal.BUS_ADRERR, Errno.EFAULT),
    /**
     * {@code VM_FAULT_OOM}: no page frame. A CPU access ends in the OOM killer's SIGKILL (the model
     * kills the faulting process); GUP returns ENOMEM.
     */
    OOM(Signal.SIGKILL, 0, Errno.ENOMEM);

    private final Signal signal;
    private final int code;
    private final Errno errno;

    VmFault(Signal signal, int code, Errno errno) {
        this.signal = signal;
        this.code = code;
        this.errno = errno;
    }

    /** Whether the fault failed: the access cannot complete and retrying will not help. */
    boolean isError() {
        return errno != null;
    }

    /** The signal a CPU access at {@code address} gets for this outcome. */
    MemoryFault signal(long address) {
        return new MemoryFault(failed().signal, code, address);
    }

    /**
     * The errno a kernel-side access (GUP, populate, uaccess) gets for this outcome
     * ({@code vm_fault_to_errno}); {@code follFlags} are GUP's, of which only
     * {@link Gup#FOLL_HWPOISON} matters: it turns poison's EFAULT into EHWPOISON.
     */
    Errno errno(int follFlags) {
        if (this == HWPOISON && (follFlags & Gup.FOLL_HWPOISON) != 0) {
            return Errno.EHWPOISON;
        }
        return failed().errno;
    }

    private VmFault failed() {
        if (!isError()) {
            throw new IllegalStateException(this + " is not a failed fault");
        }
        return this;
    }
}
