package org.mmkit.core.mm;

/**
 * A test hook that stands in for userfaultfd's missing mode until it exists: while armed, a fault
 * on an empty PTE in [start, end) that may retry joins {@link #queue} and returns
 * {@link VmFault#BLOCKED}; one that may not retry gets SIGBUS, as {@code handle_userfault} gives
 * it. Installed through {@link Machine#faultGate}, by tests only. Guarded by the machine lock.
 */
final class FaultGate {
    final WaitQueue queue;
    final long start;
    final long end;
    boolean armed = true;

    FaultGate(Machine machine, long start, long end) {
        this.queue = new WaitQueue(machine);
        this.start = start;
        this.end = end;
    }

    /** Whether a missing fault at {@code va} must wait. */
    boolean holds(long va) {
        return armed && va >= start && va < end;
    }
}
