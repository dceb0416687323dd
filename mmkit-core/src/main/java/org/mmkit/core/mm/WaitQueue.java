package org.mmkit.core.mm;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

/**
 * A wait queue ({@code wait_queue_head_t}) whose sleepers are woken in the order they joined.
 * A thread joins a queue with its own {@link Entry} while it still holds the machine lock and
 * then sleeps on the entry ({@link Entry#sleepLocked}): the lock is released only there, as the
 * kernel drops its locks before {@code schedule()}, so no wake-up can be lost in between. Two
 * kinds of sleeper use it: a fault that must wait for another thread returns
 * {@link VmFault#BLOCKED} and {@link Fault#resolve} sleeps; a system call that must wait for
 * another thread ({@code wait_event_interruptible}) sleeps in {@link #waitEventLocked} until its
 * condition holds. Either sleeps on the {@link Entry} of the thread that made the access or call,
 * so {@link org.mmkit.core.SimThread#blocked} tells that it waits.
 */
final class WaitQueue {
    private final Machine machine;
    /** Entries not yet woken, oldest first. Guarded by the machine lock. */
    private final ArrayDeque<Entry> sleepers = new ArrayDeque<>();

    WaitQueue(Machine machine) {
        this.machine = machine;
    }

    /** {@code add_wait_queue}. Preconditions: the machine lock is held; {@code entry} is on no queue. */
    void addLocked(Entry entry) {
        machine.assertLocked();
        if (entry.queued) {
            throw new IllegalStateException("wait entry is already queued");
        }
        entry.queued = true;
        entry.queue = this;
        sleepers.addLast(entry);
    }

    /**
     * {@code wait_event_interruptible(queue, condition)} for a system call of {@code task}: until
     * {@code condition} holds, the calling thread ({@link Task#currentThread}) joins this queue
     * and sleeps with the machine lock released; each wake-up retakes the lock and checks the
     * condition again, since another thread may have taken what the waker offered. A process
     * exit ends the sleep as a fatal signal does, and so does the kernel's close: the call then
     * throws {@link IllegalStateException}. Preconditions: the machine lock is held; the
     * condition reads only state the machine lock guards, and whoever changes that state wakes
     * this queue.
     */
    void waitEventLocked(Task task, BooleanSupplier condition) {
        machine.assertLocked();
        WaitQueue.Entry entry = task.currentThread().waiter();
        while (!condition.getAsBoolean()) {
            addLocked(entry);
            entry.sleepLocked();
            task.checkAliveLocked();
        }
    }

    /** {@code wake_up_all}: wakes every entry, oldest first; returns how many. Preconditions: the machine lock is held. */
    int wakeAllLocked() {
        machine.assertLocked();
        int woken = sleepers.size();
        while (!sleepers.isEmpty()) {
            wake(sleepers.removeFirst());
        }
        return woken;
    }

    /** {@code wake_up} of one exclusive waiter: the oldest entry, if any. Preconditions: the machine lock is held. */
    boolean wakeOneLocked() {
        machine.assertLocked();
        Entry first = sleepers.pollFirst();
        if (first != null) {
            wake(first);
        }
        return first != null;
    }

    /** Entries queued and not yet woken. Preconditions: the machine lock is held. */
    int sizeLocked() {
        machine.assertLocked();
        return sleepers.size();
    }

    private static void wake(Entry entry) {
        entry.queued = false;
        entry.queue = null;
        entry.woken = true;
        entry.machine.wokenNotRunning++; // operations queue behind it until it has the lock again
        entry.sleeping = false; // no longer blocked: it runs as soon as it has the lock
        entry.wakeUp.signal();
    }

    /**
     * A sleeper's place in a queue ({@code wait_queue_entry}), owned by one thread (a
     * {@link CpuThread}, or a kernel access that may block) and reused for each wait: a thread
     * sleeps in one place at a time.
     */
    static final class Entry {
        private final Machine machine;
        /**
         * The id of the sleeping thread ({@code task_pid_vnr(current)}), which userfaultfd reports
         * with {@code UFFD_FEATURE_THREAD_ID}; 0 for a kernel access made on behalf of no
         * particular thread of the model (GUP from a system call).
         */
        final int tid;
        /** Signalled when the entry is woken; guards {@link #queued}. */
        private final Condition wakeUp;
        /** On a queue and not yet woken. Guarded by the machine lock. */
        private boolean queued;
        /**
         * Woken, and its thread has not retaken the machine lock yet: counted in
         * {@link Machine#wokenNotRunning}. Guarded by the machine lock.
         */
        private boolean woken;
        /** The queue it is on while {@link #queued}, else null. Guarded by the machine lock. */
        private WaitQueue queue;
        /**
         * True while the owning thread sleeps with the machine lock released and has not been
         * woken; read without the lock. The waker clears it, so a woken thread that has not yet
         * retaken the lock does not count as blocked.
         */
        private volatile boolean sleeping;
        /**
         * Run while the owning thread sleeps, or null: then a sleep is waited out however long it
         * lasts. Set for the length of a {@link CpuThread#call(java.util.function.Supplier, Runnable)};
         * confined to the Java thread making that call.
         */
        Runnable whileAsleep;

        /** How often {@link #whileAsleep} runs while the sleep goes on. */
        private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

        Entry(Machine machine) {
            this(machine, 0);
        }

        Entry(Machine machine, int tid) {
            this.machine = machine;
            this.tid = tid;
            this.wakeUp = machine.lock.newCondition();
        }

        /** Whether the entry is on a queue and not yet woken. Preconditions: the machine lock is held. */
        boolean queuedLocked() {
            machine.assertLocked();
            return queued;
        }

        /**
         * {@code schedule()} until woken: releases the machine lock (every hold of it) while the
         * entry stays queued, then retakes it. Returns at once if already woken. Throws
         * {@link IllegalStateException} if the kernel was closed meanwhile; whatever the caller
         * knew before must be looked up again. Preconditions: the machine lock is held.
         */
        void sleepLocked() {
            machine.assertLocked();
            sleeping = queued;
            try {
                if (whileAsleep == null) {
                    while (queued) {
                        wakeUp.awaitUninterruptibly();
                    }
                } else {
                    sleepWatchedLocked();
                }
            } finally {
                sleeping = false;
                if (woken) { // it holds the lock again
                    woken = false;
                    machine.wokenNotRunning--;
                }
            }
            machine.checkOpenLocked();
        }

        /**
         * {@link #sleepLocked} with {@link #whileAsleep} run before the first wait and after every
         * {@link #WATCH_NANOS} of it, with the machine lock held; what it throws takes the entry
         * off its queue and ends the sleep, as a fatal signal would, and goes on to the caller.
         */
        private void sleepWatchedLocked() {
            boolean interrupted = false;
            try {
                while (queued) {
                    try {
                        whileAsleep.run();
                    } catch (RuntimeException | Error e) {
                        queue.sleepers.remove(this);
                        queued = false;
                        queue = null;
                        throw e;
                    }
                    try {
                        wakeUp.awaitNanos(WATCH_NANOS);
                    } catch (InterruptedException e) {
                        interrupted = true; // the sleep is uninterruptible; the flag is set again after it
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean sleeping() {
            return sleeping;
        }

        /**
         * Takes the entry off its queue and wakes its thread: a keyed wake-up that chose this
         * entry (userfaultfd wakes the faults of a range), or a fatal signal waking a killable
         * sleep (a process that exits, a kernel that closes). Does nothing if not queued.
         * Preconditions: the machine lock is held.
         */
        void wakeLocked() {
            machine.assertLocked();
            if (queued) {
                queue.sleepers.remove(this);
                wake(this);
            }
        }
    }
}
