package org.mmkit.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mmkit.backend.Syscall;

/**
 * Which literal paths a scenario may name: those both backends resolve alike. The model's file
 * system is the scenario's own tmpfs directory and {@code /proc}; the kernel backend's is the whole
 * machine, with the scenario's directory a private one under {@code /dev/shm}. A path that leaves
 * the scenario's directory through {@code ..}, or an absolute path outside {@code /proc}, would
 * reach what only the kernel has: such a path is refused when the scenario is read, on every
 * backend alike, instead of becoming a divergence.
 */
final class ScenarioPaths {
    private ScenarioPaths() {
    }

    /** Why the path literal among {@code args} of {@code call} is not modelled, or null when it is. */
    static String refusal(Syscall call, List<Expr> args) {
        int index = switch (call) {
            case OPEN, CREAT, UNLINK -> 0;
            case OPENAT, UNLINKAT -> 1;
            default -> -1;
        };
        if (index < 0 || !(args.get(index) instanceof Expr.CString path)) {
            return null;
        }
        String text = new String(path.shape(), StandardCharsets.ISO_8859_1);
        int nul = text.indexOf('\0');
        return refusal(nul < 0 ? text : text.substring(0, nul));
    }

    /**
     * Why {@code path} is not modelled, or null: an absolute path must name a file of a process
     * in {@code /proc} ({@code /proc/PID/NAME} or {@code /proc/PID/fd/N}; the directories of
     * {@code /proc} are not modelled); a relative one may not reach a {@code ..} before a name
     * (after a name the kernel stops at that name, which is no directory, on both backends).
     */
    static String refusal(String path) {
        List<String> components = List.of(path.split("/")).stream()
                .filter(c -> !c.isEmpty() && !c.equals(".")).toList();
        if (path.startsWith("/")) {
            if (components.equals(List.of("dev", "userfaultfd"))) {
                return null; // the one device both backends open: /dev/userfaultfd
            }
            boolean procFile = components.size() == 3 && !components.get(2).equals("fd")
                    || components.size() == 4 && components.get(2).equals("fd");
            if (!procFile || !components.get(0).equals("proc") || components.contains("..")) {
                return "absolute path '" + path + "' is not modelled: a scenario names files of its own"
                        + " directory by relative paths, files of /proc/PID, and /dev/userfaultfd";
            }
            return null;
        }
        if (!components.isEmpty() && components.get(0).equals("..")) {
            return "path '" + path + "' leaves the scenario's directory, which is not modelled";
        }
        return null;
    }
}
