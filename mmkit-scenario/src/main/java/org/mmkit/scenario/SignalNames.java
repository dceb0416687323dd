package org.mmkit.scenario;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.mmkit.core.Signal;

/**
 * Names of the signals a memory access can end in and of their {@code si_code} values (x86-64).
 * Signal numbers, and the codes the model raises, come from {@link Signal}.
 */
final class SignalNames {
    /** {@code si_code} values the model never raises; a scenario may still expect them of the kernel. */
    private static final int SEGV_BNDERR = 3;
    private static final int SEGV_PKUERR = 4;
    private static final int BUS_ADRALN = 1;
    private static final int BUS_OBJERR = 3;
    private static final int BUS_MCEERR_AO = 5;

    /** The codes of each signal; SIGKILL has none, as the killed process sees no siginfo. */
    private static final Map<Signal, Map<String, Integer>> CODES = Map.of(
            Signal.SIGSEGV, Map.of("SEGV_MAPERR", Signal.SEGV_MAPERR, "SEGV_ACCERR", Signal.SEGV_ACCERR,
                    "SEGV_BNDERR", SEGV_BNDERR, "SEGV_PKUERR", SEGV_PKUERR),
            Signal.SIGBUS, Map.of("BUS_ADRALN", BUS_ADRALN, "BUS_ADRERR", Signal.BUS_ADRERR, "BUS_OBJERR", BUS_OBJERR,
                    "BUS_MCEERR_AR", Signal.BUS_MCEERR_AR, "BUS_MCEERR_AO", BUS_MCEERR_AO),
            Signal.SIGKILL, Map.of());

    private SignalNames() {
    }

    /** Every signal name, for messages: {@code SIGKILL, SIGBUS, SIGSEGV}. */
    static String known() {
        return Arrays.stream(Signal.values()).map(Signal::name).collect(Collectors.joining(", "));
    }

    /** The number of a signal name, or null. */
    static Integer signal(String name) {
        for (Signal s : Signal.values()) {
            if (s.name().equals(name)) {
                return s.number();
            }
        }
        return null;
    }

    /** Whether the signal ends the process for good (the OOM killer's SIGKILL): it has no code or address. */
    static boolean kills(int signal) {
        return signal == Signal.SIGKILL.number();
    }

    /** The {@code si_code} of a code name for a signal, or null. */
    static Integer code(int signal, String name) {
        Signal s = of(signal);
        return s == null ? null : CODES.getOrDefault(s, Map.of()).get(name);
    }

    /**
     * {@code => SIGSEGV SEGV_ACCERR at a}; the code and the address are left out when null, and
     * always for SIGKILL ({@code => SIGKILL}).
     */
    static String describe(int signal, Integer code, String address) {
        if (kills(signal)) {
            return "=> " + Signal.SIGKILL.name();
        }
        return "=> " + signalName(signal) + (code == null ? "" : " " + codeName(signal, code))
                + (address == null ? "" : " at " + address);
    }

    private static Signal of(int number) {
        for (Signal s : Signal.values()) {
            if (s.number() == number) {
                return s;
            }
        }
        return null;
    }

    private static String signalName(int signal) {
        Signal s = of(signal);
        return s == null ? "signal " + signal : s.name();
    }

    private static String codeName(int signal, int code) {
        Signal s = of(signal);
        for (var e : CODES.getOrDefault(s, Map.of()).entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        return "code " + code;
    }
}
