package org.mmkit.core;

/**
 * A simulated memory access ended in a signal instead of completing, as the kernel's fault handler
 * would decide it ({@code do_user_addr_fault} → {@code bad_area} or {@code do_sigbus}). With
 * {@link Signal#SIGKILL} (code 0) the access ran out of memory and the OOM killer ended the
 * process: later calls on it throw {@link IllegalStateException}.
 */
public final class MemoryFault extends RuntimeException {
    /** Version of the serialized form. */
    private static final long serialVersionUID = 1L;

    /** The signal the kernel would send. */
    private final Signal signal;
    /** Its {@code si_code}. */
    private final int code;
    /** Its {@code si_addr}. */
    private final long address;

    /**
     * A fault as the kernel would report it in {@code siginfo}.
     *
     * @param signal the signal sent
     * @param code its {@code si_code}, e.g. {@link Signal#SEGV_MAPERR}
     * @param address its {@code si_addr}: the faulting byte address
     */
    public MemoryFault(Signal signal, int code, long address) {
        super(signal + (code != 0 ? " code " + code : "") + " at 0x" + Long.toHexString(address), null, false, false);
        this.signal = signal;
        this.code = code;
        this.address = address;
    }

    /**
     * The signal the kernel would send.
     *
     * @return SIGSEGV, SIGBUS or SIGKILL
     */
    public Signal signal() {
        return signal;
    }

    /**
     * The signal's {@code si_code}.
     *
     * @return e.g. {@link Signal#SEGV_MAPERR}
     */
    public int code() {
        return code;
    }

    /**
     * The signal's {@code si_addr}.
     *
     * @return the faulting byte address
     */
    public long address() {
        return address;
    }
}
