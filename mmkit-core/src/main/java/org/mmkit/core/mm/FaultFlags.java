package org.mmkit.core.mm;

/**
 * The flags of one fault ({@code enum fault_flag} in {@code include/linux/mm_types.h}, with the
 * kernel's bit values): who faults and what the handler may do. A fault is described by an
 * {@code int} of these bits; the helpers below read it.
 *
 * <pre>
 *  bit:   10       7       6     5      2           0
 *      +--------+--------+------+-------+-----------+-------+
 *      |UNSHARE | REMOTE | USER | TRIED |ALLOW_RETRY| WRITE |
 *      +--------+--------+------+-------+-----------+-------+
 * </pre>
 * A CPU access from user mode is {@code USER | ALLOW_RETRY} (plus {@code WRITE} for a store);
 * a uaccess fault of {@code copy_from_user} is the same without {@code USER}; GUP of another
 * process's memory adds {@code REMOTE}. After a fault returned RETRY or BLOCKED, the retry carries
 * {@code TRIED}.
 */
final class FaultFlags {
    private FaultFlags() {
    }

    /** The access is a write. */
    static final int WRITE = 1;
    /** The handler may drop the mmap lock and have the fault retried (and so may block). */
    static final int ALLOW_RETRY = 1 << 2;
    /** This is a retry after the handler dropped the lock once. */
    static final int TRIED = 1 << 5;
    /** The access came from user mode (a uaccess or GUP fault does not set it). */
    static final int USER = 1 << 6;
    /** GUP on an address space other than the caller's ({@code FOLL_REMOTE}). */
    static final int REMOTE = 1 << 7;
    /** Break COW of a shared anonymous page without making it writable (a GUP pin of a read-only page). */
    static final int UNSHARE = 1 << 10;

    /** The flags of a user-mode CPU access ({@code do_user_addr_fault}). */
    static int userAccess(boolean write) {
        return USER | ALLOW_RETRY | (write ? WRITE : 0);
    }

    static boolean isWrite(int flags) {
        return (flags & WRITE) != 0;
    }

    static boolean mayRetry(int flags) {
        return (flags & ALLOW_RETRY) != 0;
    }
}
