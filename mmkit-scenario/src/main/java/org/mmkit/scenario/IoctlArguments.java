package org.mmkit.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.Aggregate;
import org.mmkit.core.abi.Field;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioContinueLayout;
import org.mmkit.core.abi.UffdioCopyLayout;
import org.mmkit.core.abi.UffdioMoveLayout;
import org.mmkit.core.abi.UffdioPoisonLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;
import org.mmkit.core.abi.UffdioWriteprotectLayout;
import org.mmkit.core.abi.UffdioZeropageLayout;

/**
 * The struct each ioctl command takes when a scenario writes it inline ({@code ioctl(u,
 * UFFDIO_COPY, {dst=a, src=b, len=PAGE}) = 0 {copy=4096}}), and the members the kernel writes
 * back into it, which the transcript prints after the result, as strace does. The one place a
 * command is tied to its type.
 */
final class IoctlArguments {
    private IoctlArguments() {
    }

    /** The struct of a command and the members the kernel fills in (none for some commands). */
    record Argument(Aggregate type, List<Field> written) {
    }

    private static final Map<Integer, Argument> BY_COMMAND = Map.of(
            Uapi.UFFDIO_API, of(UffdioApiLayout.TYPE, "features", "ioctls"),
            Uapi.UFFDIO_REGISTER, of(UffdioRegisterLayout.TYPE, "ioctls"),
            Uapi.UFFDIO_UNREGISTER, of(UffdioRangeLayout.TYPE),
            Uapi.UFFDIO_WAKE, of(UffdioRangeLayout.TYPE),
            Uapi.UFFDIO_COPY, of(UffdioCopyLayout.TYPE, "copy"),
            Uapi.UFFDIO_ZEROPAGE, of(UffdioZeropageLayout.TYPE, "zeropage"),
            Uapi.UFFDIO_MOVE, of(UffdioMoveLayout.TYPE, "move"),
            Uapi.UFFDIO_WRITEPROTECT, of(UffdioWriteprotectLayout.TYPE),
            Uapi.UFFDIO_CONTINUE, of(UffdioContinueLayout.TYPE, "mapped"),
            Uapi.UFFDIO_POISON, of(UffdioPoisonLayout.TYPE, "updated"));

    private static Argument of(Aggregate type, String... written) {
        return new Argument(type, Arrays.stream(written).map(name -> {
            Field f = type.field(name);
            if (f == null) {
                throw new IllegalStateException(type.name() + " has no member " + name);
            }
            return f;
        }).toList());
    }

    /** The argument of {@code command} (an ioctl request number), or null when none is known. */
    static Argument of(long command) {
        return BY_COMMAND.get((int) command);
    }

    /** The commands that take an inline struct, by name, for error messages. */
    static String known() {
        return BY_COMMAND.keySet().stream().map(c -> Constants.name("UFFDIO_", c)).sorted()
                .collect(Collectors.joining(", "));
    }
}
