package org.mmkit.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.MAP_ANONYMOUS;
import static org.mmkit.core.Uapi.MAP_PRIVATE;
import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.Uapi.PROT_READ;
import static org.mmkit.core.Uapi.PROT_WRITE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmkit.backend.Access;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Syscall;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.Signal;

/**
 * The executor's process image (docs/linux-backend.md, "Process image"): the scenario's area
 * holds only what the scenario maps, and mmap_base is where the model puts it.
 */
class ProcessImageTest {
    /** The executor keeps all of its own mappings, except [stack] and [vsyscall], below this. */
    private static final long EXECUTOR_IMAGE_END = 1L << 30;
    private static final Pattern MAPS_LINE = Pattern.compile("([0-9a-f]+)-([0-9a-f]+) .*?(\\S*)$");
    private static final long MMAP_BASE = KernelConfig.linux618().mmapBase();

    @TempDir
    Path temp;

    @Test
    void theFirstMappingEndsAtTheModelsMmapBaseWithNothingAboveIt() {
        try (LinuxBackend backend = rootBackend(KernelBackendAssumptions.rootAndExecutor())) {
            int p = backend.newProcess(true);
            long a = anon(backend, p, 4);

            assertThat(a).isEqualTo(MMAP_BASE - 4 * PAGE_SIZE);
            Access past = backend.load(p, a + 4 * PAGE_SIZE, 1);
            assertThat(past.signal()).isEqualTo(Signal.SIGSEGV.number());
            assertThat(past.code()).isEqualTo(Signal.SEGV_MAPERR);
            assertThat(backend.store(p, a + 4 * PAGE_SIZE, new byte[] {1}).code()).isEqualTo(Signal.SEGV_MAPERR);
        }
    }

    @Test
    void theVdsoMovesBelowTheExecutorsImageAndNothingElseIsInTheScenariosArea() {
        try (LinuxBackend backend = rootBackend(KernelBackendAssumptions.rootAndExecutor())) {
            int p = backend.newProcess(false);
            int child = backend.fork(p);

            for (int process : List.of(p, child)) {
                String maps = backend.procText(process, ProcFile.MAPS);
                assertThat(maps).contains("[vdso]").contains("[vvar]").contains("[stack]");
                for (String line : maps.split("\n")) {
                    Matcher m = MAPS_LINE.matcher(line);
                    assertThat(m.matches()).as(line).isTrue();
                    String name = m.group(3);
                    if (!name.equals("[stack]") && !name.equals("[vsyscall]")) {
                        assertThat(Long.parseUnsignedLong(m.group(2), 16)).as(line).isLessThanOrEqualTo(EXECUTOR_IMAGE_END);
                    }
                }
            }
        }
    }

    /** A soft RLIMIT_STACK above 127 MiB lowers mmap_base (arch/x86/mm/mmap.c); unlimited lowers it to 1/6 of TASK_SIZE. */
    @Test
    void aLargeStackLimitOfTheCallerDoesNotMoveMmapBase() throws IOException {
        Path executor = KernelBackendAssumptions.rootAndExecutor();
        Path wrapper = temp.resolve("unlimited-stack");
        Files.writeString(wrapper, "#!/bin/sh\nulimit -s unlimited || exit 3\nexec '" + executor + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        try (LinuxBackend backend = rootBackend(wrapper)) {
            int p = backend.newProcess(true);

            assertThat(anon(backend, p, 1)).isEqualTo(MMAP_BASE - PAGE_SIZE);
        }
    }

    private static LinuxBackend rootBackend(Path executor) {
        return new LinuxBackend(executor, LinuxBackend.DEFAULT_TIMEOUT);
    }

    private static long anon(LinuxBackend backend, int p, int pages) {
        long a = backend.syscall(p, Syscall.MMAP, 0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assertThat(a).as("mmap").isPositive();
        return a;
    }
}
