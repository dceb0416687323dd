package org.mmkit.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmkit.backend.Requirement;

/**
 * The memory cgroup of a {@code requires: memcg} scenario: created below the JVM's own group,
 * holding the scenario's processes and their children, and gone after close, also when an
 * executor died. It changes the machine's cgroup tree, so it runs as an integration test, as root
 * on a machine with the v1 memory controller.
 */
class MemoryGroupIT {
    private static final Requirement MEMCG = new Requirement(Requirement.Kind.MEMCG, null);
    private static final String OURS = "mmkit-" + ProcessHandle.current().pid() + "-";

    @BeforeEach
    void rootWithTheMemoryController() {
        KernelBackendAssumptions.rootAndExecutor();
        assumeTrue(MemoryGroup.unavailable() == null, () -> "no memory cgroup: " + MemoryGroup.unavailable());
    }

    /** The memory cgroup of a process, from the {@code memory} line of /proc/PID/cgroup. */
    private static String memoryGroupOf(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")).stream()
                .filter(line -> line.split(":", 3)[1].equals("memory")).findFirst().orElseThrow().split(":", 3)[2];
    }

    /** The groups this JVM made that exist now. */
    private static List<Path> ourGroups() throws IOException {
        Path own = MemoryGroup.HIERARCHY.resolve(memoryGroupOf(ProcessHandle.current().pid()).substring(1));
        try (Stream<Path> children = Files.list(own)) {
            return children.filter(child -> child.getFileName().toString().startsWith(OURS)).toList();
        }
    }

    @Test
    void theScenariosProcessesAndTheirChildrenRunInTheGroupWhichCloseRemoves() throws IOException {
        String jvmGroup = memoryGroupOf(ProcessHandle.current().pid());
        try (LinuxBackend backend = new LinuxBackend()) {
            assertThat(backend.unsupported(MEMCG)).isNull();
            assertThat(ourGroups()).hasSize(1);
            int p = backend.newProcess(true);
            int child = backend.fork(p);
            String group = memoryGroupOf(backend.pid(p));
            assertThat(group).startsWith(jvmGroup.equals("/") ? "/" + OURS : jvmGroup + "/" + OURS);
            assertThat(memoryGroupOf(backend.pid(child))).isEqualTo(group);
            backend.reclaim();
        }
        assertThat(ourGroups()).isEmpty();
    }

    @Test
    void aGroupIsRemovedAfterItsExecutorWasKilled() throws IOException {
        try (LinuxBackend backend = new LinuxBackend()) {
            assertThat(backend.unsupported(MEMCG)).isNull();
            int p = backend.newProcess(true);
            ExecutorProcess.killTree(ProcessHandle.of(backend.pid(p)).orElseThrow());
        }
        assertThat(ourGroups()).isEmpty();
    }

    @Test
    void aBackendWithoutTheRequirementMakesNoGroup() throws IOException {
        try (LinuxBackend backend = new LinuxBackend()) {
            int p = backend.newProcess(true);
            assertThat(memoryGroupOf(backend.pid(p))).isEqualTo(memoryGroupOf(ProcessHandle.current().pid()));
        }
        assertThat(ourGroups()).isEmpty();
    }
}
