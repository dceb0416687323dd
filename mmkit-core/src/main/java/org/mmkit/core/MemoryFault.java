package org.mmkit.core;

/**
 * A simulated memory access ended in a signal instead of completing, as the kernel's fault handler
 * would decide it ({@code do_user_addr_fault} → {@code bad_area} or {@code do_sigbus}).
 */
public final class MemoryFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Signal signal;
    private final int code;
    private final long address;

    public MemoryFault(Signal signal, int code, long address) {
        super(signal + " code " + code + " at 0x" + Long.toHexString(address), null, false, false);
        this.signal = signal;
        this.code = code;
        this.address = address;
    }

    public Signal signal() {
        return signal;
    }

    /** {@code si_code}, e.g. {@link Signal#SEGV_MAPERR}. */
    public int code() {
        return code;
    }

    /** {@code si_addr}: the faulting byte address. */
    public long address() {
        return address;
    }
}
