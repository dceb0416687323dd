package org.mmkit.backend;

/**
 * The outcome of a load or store. {@code signal == 0} means it completed; otherwise the signal
 * number (7 SIGBUS, 11 SIGSEGV), its {@code si_code} and {@code si_addr}.
 *
 * @param data    bytes loaded (empty for stores and for failed loads)
 */
public record Access(byte[] data, int signal, int code, long address) implements ThreadOutcome {
    private static final byte[] NONE = new byte[0];

    public static Access loaded(byte[] data) {
        return new Access(data, 0, 0, 0);
    }

    public static Access stored() {
        return new Access(NONE, 0, 0, 0);
    }

    public static Access signalled(int signal, int code, long address) {
        return new Access(NONE, signal, code, address);
    }

    public boolean ok() {
        return signal == 0;
    }
}
