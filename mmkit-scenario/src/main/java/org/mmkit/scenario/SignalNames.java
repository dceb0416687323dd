package org.mmkit.scenario;

import java.util.Map;

/** Names of the signals a memory access can raise and of their {@code si_code} values (x86-64). */
final class SignalNames {
    static final int SIGBUS = 7;
    static final int SIGSEGV = 11;

    private static final Map<String, Integer> SIGNALS = Map.of("SIGSEGV", SIGSEGV, "SIGBUS", SIGBUS);
    private static final Map<Integer, Map<String, Integer>> CODES = Map.of(
            SIGSEGV, Map.of("SEGV_MAPERR", 1, "SEGV_ACCERR", 2, "SEGV_BNDERR", 3, "SEGV_PKUERR", 4),
            SIGBUS, Map.of("BUS_ADRALN", 1, "BUS_ADRERR", 2, "BUS_OBJERR", 3, "BUS_MCEERR_AR", 4, "BUS_MCEERR_AO", 5));

    private SignalNames() {
    }

    /** The number of a signal name, or null. */
    static Integer signal(String name) {
        return SIGNALS.get(name);
    }

    /** The {@code si_code} of a code name for a signal, or null. */
    static Integer code(int signal, String name) {
        return CODES.getOrDefault(signal, Map.of()).get(name);
    }

    /** {@code => SIGSEGV SEGV_ACCERR at a}; the code and the address are left out when null. */
    static String describe(int signal, Integer code, String address) {
        return "=> " + signalName(signal) + (code == null ? "" : " " + codeName(signal, code))
                + (address == null ? "" : " at " + address);
    }

    private static String signalName(int signal) {
        for (var e : SIGNALS.entrySet()) {
            if (e.getValue() == signal) {
                return e.getKey();
            }
        }
        return "signal " + signal;
    }

    private static String codeName(int signal, int code) {
        for (var e : CODES.getOrDefault(signal, Map.of()).entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        return "code " + code;
    }
}
