package org.mmkit.core;

/** Signals a memory access can raise, with their x86-64 numbers. */
public enum Signal {
    /** Kill, e.g. by the OOM killer. */
    SIGKILL(9),
    /** Bus error: an access to a page that cannot be backed (past a file's end, poisoned). */
    SIGBUS(7),
    /** Segmentation fault: no mapping, or one that forbids the access. */
    SIGSEGV(11);

    /** {@code si_code} of SIGSEGV: no mapping at the address. */
    public static final int SEGV_MAPERR = 1;
    /** {@code si_code} of SIGSEGV: mapping exists but forbids the access. */
    public static final int SEGV_ACCERR = 2;
    /** {@code si_code} of SIGBUS: nonexistent physical address (e.g. past the end of a file). */
    public static final int BUS_ADRERR = 2;
    /** {@code si_code} of SIGBUS: hardware memory error consumed (e.g. a poison marker). */
    public static final int BUS_MCEERR_AR = 4;

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /**
     * The signal number on x86-64.
     *
     * @return e.g. 11 for SIGSEGV
     */
    public int number() {
        return number;
    }
}
