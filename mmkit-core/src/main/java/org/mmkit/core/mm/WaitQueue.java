package org.mmkit.core.mm;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;

/**
 * A wait queue ({@code wait_queue_head_t}) whose sleepers are woken in the order they joined.
 * A fault that must wait for another thread joins a queue with its own {@link Entry} while it
 * still holds the machine lock, returns {@link VmFault#BLOCKED}, and its caller then sleeps on the
 * entry: the lock is released only there, as the kernel drops the mmap lock before
 * {@code schedule()}, so no wake-up can be lost in between.
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
        entry.wakeUp.signal();
    }

    /**
     * A sleeper's place in a queue ({@code wait_queue_entry}), owned by one thread (a
     * {@link CpuThread}, or a kernel access that may block) and reused for each wait.
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
        /** The queue it is on while {@link #queued}, else null. Guarded by the machine lock. */
        private WaitQueue queue;
        /** True while the owning thread sleeps with the machine lock released; read without the lock. */
        private volatile boolean sleeping;

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
         * entry stays queued, then retakes it. Returns at once if already woken.
         * Preconditions: the machine lock is held.
         */
        void sleepLocked() {
            machine.assertLocked();
            sleeping = true;
            try {
                while (queued) {
                    wakeUp.awaitUninterruptibly();
                }
            } finally {
                sleeping = false;
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
