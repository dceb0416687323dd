package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.ArrayDeque;
import java.util.Iterator;

import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * A userfaultfd context ({@code struct userfaultfd_ctx} in {@code fs/userfaultfd.c}) and its file
 * operations ({@code userfaultfd_fops}: read, poll, ioctl, release). A fault handed to the
 * context waits on {@link #faultWaiters} with a message in {@link #pending}
 * ({@code fault_pending_wqh}); {@code read} moves the oldest message to {@link #reported}
 * ({@code fault_wqh}), so each fault is reported once, while its thread keeps waiting until a
 * resolving ioctl, WAKE, UNREGISTER or close wakes the range. A non-cooperative event (fork,
 * mremap, madvise, munmap; {@link UffdEvents}) waits in {@link #events} ({@code event_wqh}) until
 * {@code read} takes it, after every pending fault. Guarded by the machine lock.
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
    /** {@code fd_wqh}: readers waiting for a message, woken when a fault or an event queues one. */
    private final WaitQueue readers;
    /** {@code event_wqh}: events not yet read, oldest first; each has a thread waiting on {@link #eventWaiters}. */
    private final ArrayDeque<WaitingEvent> events = new ArrayDeque<>();
    /** Where the threads that caused the {@link #events} sleep until theirs is read. */
    private final WaitQueue eventWaiters;
    /**
     * {@code ctx->mmap_changing}: events prepared and not yet read or dropped, never negative;
     * while above 0 the fill, WRITEPROTECT and MOVE ioctls are EAGAIN.
     */
    int mmapChanging;
    /** {@code ctx->released}: the last descriptor went; no event waits on the context any more. */
    private boolean released;

    /** A faulting thread's {@code userfaultfd_wait_queue}: its wait entry, the address its message names, the message. */
    private record WaitingFault(WaitQueue.Entry waiter, long address, byte[] message) {
    }

    /**
     * An event's {@code userfaultfd_wait_queue}: its message and, for FORK, the child's new
     * context, whose descriptor the reader gets; {@code read} is set once a reader took it.
     */
    private static final class WaitingEvent {
        final byte[] message;
        final UserfaultfdCtx forked;
        boolean read;

        WaitingEvent(byte[] message, UserfaultfdCtx forked) {
            this.message = message;
            this.forked = forked;
        }
    }

    UserfaultfdCtx(Task owner, int flags) {
        this.owner = owner;
        this.mm = owner.mm;
        this.flags = flags;
        this.faultWaiters = new WaitQueue(owner.machine);
        this.readers = new WaitQueue(owner.machine);
        this.eventWaiters = new WaitQueue(owner.machine);
    }

    /**
     * {@code dup_userfaultfd}'s new context for a child forked with EVENT_FORK: the parent's
     * flags and features, set up already; it has no descriptor until a reader takes the FORK event.
     */
    UserfaultfdCtx forkedFor(Task child) {
        UserfaultfdCtx forked = new UserfaultfdCtx(child, flags);
        forked.features = features;
        forked.initialized = true;
        return forked;
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
     * to reported; then the events, oldest first, each completed as it is read (a FORK event
     * installs the child's context in the reader's table first). With nothing queued, O_NONBLOCK
     * gives EAGAIN, else the call sleeps until a fault or an event queues a message (only the
     * first message is waited for). A copy that faults gives EFAULT if it
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
            WaitingEvent event = fault == null ? events.peekFirst() : null;
            if (fault == null && event == null) {
                if (done > 0) {
                    return done;
                }
                if ((file.flags & O_NONBLOCK) != 0) {
                    throw Errno.EAGAIN.exception();
                }
                readers.waitEventLocked(task, () -> oldestPending() != null || !events.isEmpty());
                continue;
            }
            byte[] message;
            if (fault != null) {
                pending.pollFirst();
                reported.addLast(fault);
                message = fault.message;
            } else {
                try {
                    message = event.forked != null ? resolveFork(task, event) : event.message;
                } catch (ErrnoException e) {
                    if (done == 0) {
                        throw e; // the event stays queued, as the kernel leaves it on a failed install
                    }
                    return done;
                }
                events.pollFirst();
                event.read = true; // userfaultfd_event_complete
                eventWaiters.wakeAllLocked();
            }
            if (buffer.copyTo(message, 0, UffdMsgLayout.SIZE) < UffdMsgLayout.SIZE) {
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
     * O_NONBLOCK (poll cannot promise that read will not block); else POLLIN while a fault or an
     * event is pending.
     */
    @Override
    public int poll(OpenFile file) {
        if (!initialized || (file.flags & O_NONBLOCK) == 0) {
            return POLLERR;
        }
        return oldestPending() != null || !events.isEmpty() ? POLLIN : 0;
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
     * fault again, now without userfaultfd, and every thread waiting for an event to be read goes
     * on without it.
     */
    @Override
    public void release() {
        released = true;
        if (mmAlive()) {
            for (Vma vma = mm.findVma(0); vma != null; vma = mm.next(vma)) {
                if (vma.uffdCtx == this) {
                    vma = UserfaultfdCalls.clearVma(mm, vma, vma.start, vma.end);
                }
            }
        }
        wakeLocked(0, 0);
        eventWaiters.wakeAllLocked();
    }

    /**
     * {@code resolve_userfault_fork}: the child's context gets a descriptor in the reader's table
     * (read-only as {@code userfaultfd(2)} makes it, with the parent context's O_NONBLOCK and
     * O_CLOEXEC), and the message read names it in {@code ufd}. EMFILE leaves the event queued.
     */
    private static byte[] resolveFork(Task reader, WaitingEvent event) {
        UserfaultfdCtx forked = event.forked;
        OpenFile file = new OpenFile(forked, O_RDONLY | (forked.flags & O_NONBLOCK));
        int fd = reader.files.install(file, (forked.flags & O_CLOEXEC) != 0);
        byte[] message = event.message.clone();
        Scalars.U32.write(message, UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.FORK_UFD_OFFSET, fd);
        return message;
    }

    /**
     * {@code userfaultfd_event_wait_completion}: queues an event prepared by {@link UffdEvents}
     * (which raised {@link #mmapChanging} for it) and makes the calling thread of {@code task}
     * sleep, with the machine lock released, until a reader took it. A released context takes no
     * event; a release or the caller's exit while it waits drops the event, and a dropped FORK
     * event takes the child's registrations with it ({@code userfaultfd_release_new}). Either way
     * {@link #mmapChanging} goes down again.
     *
     * @throws IllegalStateException if the caller's process exited or the kernel closed meanwhile
     */
    void sendEventLocked(Task task, byte[] message, UserfaultfdCtx forked) {
        WaitingEvent event = new WaitingEvent(message, forked);
        try {
            if (released) {
                return;
            }
            events.addLast(event);
            readers.wakeAllLocked();
            owner.machine.pollWait.wakeAllLocked(); // wake_up_poll(&ctx->fd_wqh, EPOLLIN)
            WaitQueue.Entry waiter = task.currentThread().waiter();
            while (!event.read && !released) {
                eventWaiters.addLocked(waiter);
                waiter.sleepLocked();
                task.checkAliveLocked();
            }
        } finally {
            if (!event.read) {
                events.remove(event);
                if (forked != null) {
                    forked.releaseNew();
                }
            }
            mmapChanging--;
        }
    }

    /** {@code userfaultfd_release_new}: the child's VMAs of a FORK event never read lose this context, in place. */
    void releaseNew() {
        if (!mmAlive()) {
            return;
        }
        for (Vma vma = mm.findVma(0); vma != null; vma = mm.next(vma)) {
            if (vma.uffdCtx == this) {
                UserfaultfdCalls.resetCtx(vma);
            }
        }
    }

    /**
     * The check at the top of the fill and MOVE ioctls: while an event is in flight
     * ({@link #mmapChanging}) the call is EAGAIN, with -EAGAIN in the struct's result field at
     * {@code resultAddr} (EFAULT if that cannot be written).
     */
    void refuseWhileChanging(Task task, long resultAddr) {
        if (mmapChanging > 0) {
            UserfaultfdCalls.putU64(task, resultAddr, -Errno.EAGAIN.number());
            throw Errno.EAGAIN.exception();
        }
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
