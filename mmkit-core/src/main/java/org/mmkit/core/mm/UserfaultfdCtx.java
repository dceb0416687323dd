package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.ArrayDeque;
import java.util.Iterator;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * A userfaultfd context ({@code struct userfaultfd_ctx} in {@code fs/userfaultfd.c}) and its file
 * operations ({@code userfaultfd_fops}: read, poll, ioctl, release). A fault handed to the
 * context waits on {@link #faultWaiters} with a message in {@link #pending}
 * ({@code fault_pending_wqh}); {@code read} moves the oldest message to {@link #reported}
 * ({@code fault_wqh}), so each fault is reported once, while its thread keeps waiting until a
 * resolving ioctl, WAKE, UNREGISTER or close wakes the range. Guarded by the machine lock.
 */
final class UserfaultfdCtx implements FileOperations {
    /** {@code UFFD_API_FEATURES}: every feature bit this kernel offers (all 17 on 6.18 x86-64). */
    static final long API_FEATURES = (UFFD_FEATURE_MOVE << 1) - 1;
    /** {@code UFFD_API_IOCTLS}: what {@code UFFDIO_API} reports (REGISTER, UNREGISTER, API). */
    static final long API_IOCTLS = bit(UFFDIO_REGISTER) | bit(UFFDIO_UNREGISTER) | bit(UFFDIO_API);
    /**
     * {@code UFFD_API_RANGE_IOCTLS}: what REGISTER reports for a range without hugetlb before
     * WRITEPROTECT and CONTINUE are taken out for modes that lack WP and MINOR.
     */
    static final long RANGE_IOCTLS = bit(UFFDIO_WAKE) | bit(UFFDIO_COPY) | bit(UFFDIO_ZEROPAGE) | bit(UFFDIO_MOVE)
            | bit(UFFDIO_WRITEPROTECT) | bit(UFFDIO_CONTINUE) | bit(UFFDIO_POISON);

    /** The ioctl's number ({@code _IOC_NR}) as a bit of an {@code ioctls} mask. */
    static long bit(int ioctl) {
        return 1L << (ioctl & 0xff);
    }

    /** The process that created the context; its address space is the one the context serves. */
    final Task owner;
    /** {@code ctx->mm}. */
    final Mm mm;
    /** {@code ctx->flags}: the flags of {@code userfaultfd(2)} ({@link org.mmkit.core.Uapi#UFFD_USER_MODE_ONLY}). */
    final int flags;
    /** {@code ctx->features}: the features the successful {@code UFFDIO_API} enabled. */
    long features;
    /** Whether {@code UFFDIO_API} succeeded ({@code UFFD_FEATURE_INITIALIZED}); before it only API is allowed. */
    boolean initialized;
    /** Where faulting threads sleep; every entry on it has exactly one message in {@link #pending} or {@link #reported}. */
    private final WaitQueue faultWaiters;
    /** {@code fault_pending_wqh}: faults not yet read, oldest first. */
    private final ArrayDeque<WaitingFault> pending = new ArrayDeque<>();
    /** {@code fault_wqh}: faults read and still waiting to be woken. */
    private final ArrayDeque<WaitingFault> reported = new ArrayDeque<>();
    /** {@code fd_wqh}: readers waiting for a message, woken when a fault queues one. */
    private final WaitQueue readers;

    /** A faulting thread's {@code userfaultfd_wait_queue}: its wait entry, the address its message names, the message. */
    private record WaitingFault(WaitQueue.Entry waiter, long address, byte[] message) {
    }

    UserfaultfdCtx(Task owner, int flags) {
        this.owner = owner;
        this.mm = owner.mm;
        this.flags = flags;
        this.faultWaiters = new WaitQueue(owner.machine);
        this.readers = new WaitQueue(owner.machine);
    }

    boolean has(long feature) {
        return (features & feature) != 0;
    }

    /**
     * {@code mmget_not_zero(ctx->mm)}: whether the address space still has users, else the
     * context's ioctls give ESRCH (or ENOMEM for REGISTER and UNREGISTER).
     */
    boolean mmAlive() {
        return owner.mm == mm;
    }

    /**
     * {@code handle_userfault}'s queueing: {@code waiter} sleeps on this context with
     * {@code message} pending, to be read once. The same thread's older wait, ended by a signal
     * without a wake-up from the context, is dropped first, as that thread removed its own entry.
     */
    void enqueueFaultLocked(WaitQueue.Entry waiter, byte[] message) {
        pending.removeIf(fault -> fault.waiter == waiter);
        reported.removeIf(fault -> fault.waiter == waiter);
        faultWaiters.addLocked(waiter);
        long address = Scalars.U64.read(message, UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET);
        pending.addLast(new WaitingFault(waiter, address, message));
        readers.wakeAllLocked();
        mm.machine.pollWait.wakeAllLocked(); // wake_up_poll(&ctx->fd_wqh, EPOLLIN)
    }

    /**
     * {@code __wake_userfault}: wakes the faults whose message address lies in [start, start + len),
     * read or not; a {@code len} of 0 wakes all. A woken fault that was not read yet leaves no
     * message behind.
     */
    void wakeLocked(long start, long len) {
        wakeIn(pending, start, len);
        wakeIn(reported, start, len);
    }

    private static void wakeIn(ArrayDeque<WaitingFault> queue, long start, long len) {
        for (Iterator<WaitingFault> it = queue.iterator(); it.hasNext(); ) {
            WaitingFault fault = it.next();
            if (len == 0 || (Long.compareUnsigned(fault.address, start) >= 0
                    && Long.compareUnsigned(fault.address - start, len) < 0)) {
                it.remove();
                fault.waiter.wakeLocked();
            }
        }
    }

    /** The oldest unread fault whose thread still waits, or null; faults woken by a signal are dropped. */
    private WaitingFault oldestPending() {
        while (!pending.isEmpty() && !pending.peekFirst().waiter.queuedLocked()) {
            pending.pollFirst();
        }
        return pending.peekFirst();
    }

    /**
     * {@code userfaultfd_read_iter}: EINVAL before {@code UFFDIO_API} and for a buffer shorter
     * than one message; then as many whole messages as fit, oldest first, each moved from pending
     * to reported. With none pending, O_NONBLOCK gives EAGAIN, else the call sleeps until a fault
     * queues one (only the first message is waited for). A copy that faults gives EFAULT if it
     * was the first message (that message counts as read, as in the kernel).
     */
    @Override
    public long read(Task task, OpenFile file, Kiocb kiocb, IoVector buffer) {
        if (!initialized) {
            throw Errno.EINVAL.exception();
        }
        long done = 0;
        while (true) {
            if (buffer.count() < UffdMsgLayout.SIZE) {
                if (done == 0) {
                    throw Errno.EINVAL.exception();
                }
                return done;
            }
            WaitingFault fault = oldestPending();
            if (fault == null) {
                if (done > 0) {
                    return done;
                }
                if ((file.flags & O_NONBLOCK) != 0) {
                    throw Errno.EAGAIN.exception();
                }
                readers.waitEventLocked(task, () -> oldestPending() != null);
                fault = oldestPending();
            }
            pending.pollFirst();
            reported.addLast(fault);
            if (buffer.copyTo(fault.message, 0, UffdMsgLayout.SIZE) < UffdMsgLayout.SIZE) {
                if (done == 0) {
                    throw Errno.EFAULT.exception();
                }
                return done;
            }
            done += UffdMsgLayout.SIZE;
        }
    }

    /**
     * {@code noop_llseek}: the file can be seeked, but nothing moves; the position (always 0)
     * comes back for every offset and whence that {@code ksys_lseek} lets through.
     */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return file.pos;
    }

    /**
     * {@code userfaultfd_poll}: POLLERR before {@code UFFDIO_API} and on a descriptor without
     * O_NONBLOCK (poll cannot promise that read will not block); else POLLIN while a fault is
     * pending.
     */
    @Override
    public int poll(OpenFile file) {
        if (!initialized || (file.flags & O_NONBLOCK) == 0) {
            return POLLERR;
        }
        return oldestPending() != null ? POLLIN : 0;
    }

    /** An anonymous inode: anon_inodefs is {@code SB_I_NOEXEC}, so an executable mapping is EPERM before ENODEV. */
    @Override
    public boolean noexec() {
        return true;
    }

    /** The context's file reads messages, not a position: {@code pread} is ESPIPE. */
    @Override
    public boolean isStream() {
        return true;
    }

    /**
     * {@code userfaultfd_ioctl}: before a successful {@code UFFDIO_API} every other command is
     * EINVAL; unknown commands are EINVAL too.
     */
    @Override
    public long ioctl(Task task, OpenFile file, int cmd, long arg) {
        if (cmd != UFFDIO_API && !initialized) {
            throw Errno.EINVAL.exception();
        }
        return switch (cmd) {
            case UFFDIO_API -> UserfaultfdCalls.api(this, task, arg);
            case UFFDIO_REGISTER -> UserfaultfdCalls.register(this, task, arg);
            case UFFDIO_UNREGISTER -> UserfaultfdCalls.unregister(this, task, arg);
            case UFFDIO_WAKE -> UserfaultfdCalls.wake(this, task, arg);
            case UFFDIO_COPY -> UffdFill.copy(this, task, arg);
            case UFFDIO_ZEROPAGE, UFFDIO_CONTINUE, UFFDIO_POISON -> UffdFill.fill(this, task, cmd, arg);
            case UFFDIO_WRITEPROTECT -> UffdWriteProtect.ioctl(this, task, arg);
            case UFFDIO_MOVE -> UffdMove.ioctl(this, task, arg);
            default -> throw Errno.EINVAL.exception();
        };
    }

    /**
     * {@code userfaultfd_release}: the last descriptor went. Every VMA registered with the context
     * is unregistered ({@code userfaultfd_release_all}), then every waiting fault is woken to
     * fault again, now without userfaultfd.
     */
    @Override
    public void release() {
        if (mmAlive()) {
            for (Vma vma = mm.findVma(0); vma != null; vma = mm.next(vma)) {
                if (vma.uffdCtx == this) {
                    vma = UserfaultfdCalls.clearVma(mm, vma, vma.start, vma.end);
                }
            }
        }
        wakeLocked(0, 0);
    }

    /**
     * {@code userfault_msg}: the message of a page fault at {@code address} (exact) on page
     * {@code pageAddress}; {@code pageflags} are the {@code UFFD_PAGEFAULT_FLAG_*} bits. The
     * address is the page's unless EXACT_ADDRESS; the thread id is 0 unless THREAD_ID.
     */
    byte[] faultMessage(long address, long pageAddress, long pageflags, int tid) {
        byte[] message = new byte[UffdMsgLayout.SIZE];
        Scalars.U8.write(message, UffdMsgLayout.EVENT_OFFSET, UFFD_EVENT_PAGEFAULT);
        int arg = UffdMsgLayout.ARG_OFFSET;
        Scalars.U64.write(message, arg + UffdMsgLayout.PAGEFAULT_FLAGS_OFFSET, pageflags);
        Scalars.U64.write(message, arg + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET,
                has(UFFD_FEATURE_EXACT_ADDRESS) ? address : pageAddress);
        if (has(UFFD_FEATURE_THREAD_ID)) {
            Scalars.U32.write(message, arg + UffdMsgLayout.PAGEFAULT_FEAT_OFFSET, tid);
        }
        return message;
    }
}
