package org.mmkit.core.mm;

import java.util.ArrayDeque;
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
        /** Signalled when the entry is woken; guards {@link #queued}. */
        private final Condition wakeUp;
        /** On a queue and not yet woken. Guarded by the machine lock. */
        private boolean queued;
        /** The queue it is on while {@link #queued}, else null. Guarded by the machine lock. */
        private WaitQueue queue;
        /**
         * True while the owning thread sleeps with the machine lock released and has not been
         * woken; read without the lock. The waker clears it, so a woken thread that has not yet
         * retaken the lock does not count as blocked.
         */
        private volatile boolean sleeping;

        Entry(Machine machine) {
            this.machine = machine;
            this.wakeUp = machine.lock.newCondition();
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
                while (queued) {
                    wakeUp.awaitUninterruptibly();
                }
            } finally {
                sleeping = false;
            }
            machine.checkOpenLocked();
        }

        boolean sleeping() {
            return sleeping;
        }

        /**
         * Takes the entry off its queue and wakes its thread, as a fatal signal wakes a killable
         * sleep: for a process that exits or a kernel that closes. Preconditions: the machine lock is held.
         */
        void interruptLocked() {
            machine.assertLocked();
            if (queued) {
                queue.sleepers.remove(this);
                wake(this);
            }
        }
    }
}
