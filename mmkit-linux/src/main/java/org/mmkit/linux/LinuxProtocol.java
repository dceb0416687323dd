package org.mmkit.linux;

/**
 * The wire format between {@link LinuxBackend} and the native executor
 * ({@code src/main/c/mmkit-executor.c}, which defines the same numbers). Requests and replies are
 *
 * <pre>
 *  request     0        4        8
 *              +--------+--------+---------------------+
 *              | op     | length | payload (length B)  |
 *              +--------+--------+---------------------+
 *  reply       0        4        8        12
 *              +--------+--------+--------+---------------------+
 *              | status | thread | length | payload (length B)  |   thread: 0 the serving thread,
 *              +--------+--------+--------+---------------------+   else a spawned thread's id
 * </pre>
 *
 * with all integers little-endian (the byte order of x86-64). Payloads per op are listed in
 * {@code docs/linux-backend.md}.
 */
final class LinuxProtocol {
    static final int REQUEST_HEADER_BYTES = 8;
    static final int REPLY_HEADER_BYTES = 12;
    /** The largest load, store, mincore vector, pagemap read or text chunk in one frame. */
    static final int MAX_TRANSFER = 1 << 20;
    /** No reply carries more than a result word and one transfer. */
    static final int MAX_REPLY_PAYLOAD = 8 + MAX_TRANSFER;
    /** Length of the token an executor repeats in its hello, proving the driver started it. */
    static final int TOKEN_CHARS = 32;

    static final int OP_SYSCALL = 1;
    static final int OP_MINCORE = 3;
    static final int OP_LOAD = 4;
    static final int OP_STORE = 5;
    static final int OP_PAGEMAP_READ = 6;
    static final int OP_PROC_TEXT = 7;
    static final int OP_FORK = 8;
    static final int OP_EXIT = 9;
    static final int OP_STALL = 10;
    /** Starts a thread that performs a LOAD, STORE, SYSCALL or STALL and replies to it by itself. */
    static final int OP_SPAWN = 11;
    /** The Linux tid of a spawned thread, or -ESRCH once it has been joined. */
    static final int OP_THREAD_ID = 12;
    /** Reads the executor's own swapped-out pages back in (after a reclaim): how many there were. */
    static final int OP_UNSWAP_OWN = 13;

    /** The thread id in the replies of the thread that serves the connection. */
    static final int SERVING_THREAD = 0;
    /** How many spawned threads of one process may be alive at once (the executor's MAX_THREADS). */
    static final int MAX_THREADS = 16;

    static final int STATUS_OK = 0;
    static final int STATUS_SIGNAL = 1;
    static final int STATUS_MORE = 2;
    static final int STATUS_FAILED = 3;
    static final int STATUS_HELLO = 4;

    private LinuxProtocol() {
    }
}
