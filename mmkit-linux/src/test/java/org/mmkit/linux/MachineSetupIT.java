package org.mmkit.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmkit.backend.Requirement;

/**
 * The machine setup changes this machine's swap and huge pages, so these run as root on a machine
 * that has neither (the reference machine), and check that every change is undone. They run as
 * integration tests (./mvnw verify), apart from the unit tests.
 */
class MachineSetupIT {
    private static final Requirement SWAP = new Requirement(Requirement.Kind.SWAP, null);
    private static final Requirement HUGETLB = new Requirement(Requirement.Kind.HUGETLB, null);
    private static final SwapSource NO_ZRAM = new SwapSource() {
        @Override
        public String description() {
            return "no zram";
        }

        @Override
        public SwapArea provide(long bytes) throws IOException {
            throw new IOException("zram is unavailable in this test");
        }
    };

    private MachineState before;

    @BeforeEach
    void machineLacksSwapAndHugePages() throws IOException {
        assumeTrue(KernelRequirements.root(), "the machine setup changes the machine only as root");
        before = MachineState.now();
        assumeTrue(before.swaps().isEmpty() && KernelRequirements.hugetlb() != null,
                "the machine already has swap or free huge pages: " + before);
    }

    @Test
    void providesZramSwapAndRemovesIt() throws IOException {
        try (MachineSetup setup = new MachineSetup()) {
            assertThat(setup.ensure(SWAP)).isNull();
            assertThat(SwapArea.active()).singleElement().asString().startsWith("/dev/zram");
            assertThat(MachineState.now().zramDevices()).hasSize(before.zramDevices().size() + 1);
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    @Test
    void providesHugePagesAndRestoresTheirNumber() throws IOException {
        try (MachineSetup setup = new MachineSetup()) {
            assertThat(setup.ensure(HUGETLB)).isNull();
            assertThat(MachineState.now().nrHugepages()).isEqualTo(before.nrHugepages() + MachineSetup.HUGE_PAGES);
            assertThat(KernelRequirements.hugetlb()).isNull();
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    @Test
    void restoresWhenTheBodyThrows() throws IOException {
        assertThatThrownBy(() -> {
            try (MachineSetup setup = new MachineSetup()) {
                assertThat(setup.ensure(SWAP)).isNull();
                assertThat(setup.ensure(HUGETLB)).isNull();
                throw new IllegalStateException("the scenario broke");
            }
        }).hasMessage("the scenario broke");
        assertThat(MachineState.now()).isEqualTo(before);
    }

    @Test
    void ensuringTwiceSetsUpOnce() throws IOException {
        try (MachineSetup setup = new MachineSetup()) {
            assertThat(setup.ensure(SWAP)).isNull();
            assertThat(setup.ensure(HUGETLB)).isNull();
            MachineState provided = MachineState.now();

            assertThat(setup.ensure(SWAP)).isNull();
            assertThat(setup.ensure(HUGETLB)).isNull();

            assertThat(MachineState.now()).isEqualTo(provided);
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    @Test
    void fallsBackToASwapFileAndDeletesIt(@TempDir Path directory) throws IOException {
        try (MachineSetup setup = new MachineSetup(List.of(NO_ZRAM, SwapSource.file(directory)))) {
            assertThat(setup.ensure(SWAP)).isNull();
            assertThat(SwapArea.active()).singleElement().asString().startsWith(directory + "/mmkit-swap-");
        }
        assertThat(MachineState.now()).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void explainsWhySwapCannotBeProvided() throws IOException {
        try (MachineSetup setup = new MachineSetup(List.of(NO_ZRAM))) {
            assertThat(setup.ensure(SWAP)).isEqualTo("needs swap; /proc/swaps lists no active swap area; "
                    + "cannot add swap: no zram: zram is unavailable in this test");
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    @Test
    void leavesExistingSwapAndHugePagesAlone() throws IOException {
        SwapArea existing = SwapSource.ZRAM.provide(MachineSetup.SWAP_BYTES);
        try {
            Files.writeString(MachineSetup.NR_HUGEPAGES, "2");
            MachineState configured = MachineState.now();
            try (MachineSetup setup = new MachineSetup()) {
                assertThat(setup.ensure(SWAP)).isNull();
                assertThat(setup.ensure(HUGETLB)).isNull();
                assertThat(MachineState.now()).isEqualTo(configured);
            }
            assertThat(MachineState.now()).isEqualTo(configured);
        } finally {
            Files.writeString(MachineSetup.NR_HUGEPAGES, Long.toString(before.nrHugepages()));
            existing.remove();
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    /** The second run would otherwise find the first run's swap, and lose it when the first closes. */
    @Test
    void aSecondSetupWaitsUntilTheFirstIsClosed() throws Exception {
        CompletableFuture<String> second;
        try (MachineSetup waiting = new MachineSetup()) {
            try (MachineSetup first = new MachineSetup()) {
                assertThat(first.ensure(SWAP)).isNull();
                second = CompletableFuture.supplyAsync(() -> waiting.ensure(SWAP));
                Thread.sleep(500);
                assertThat(second).isNotDone();
            }

            assertThat(second.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(SwapArea.active()).hasSize(1);
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    @Test
    void theBackendProvidesForItsScenarioAndRestoresOnClose() throws IOException {
        KernelBackendAssumptions.rootAndExecutor();
        try (LinuxBackend backend = new LinuxBackend()) {
            assertThat(backend.unsupported(SWAP)).isNull();
            assertThat(backend.unsupported(HUGETLB)).isNull();
            assertThat(MachineState.now().swaps()).hasSize(1);
        }
        assertThat(MachineState.now()).isEqualTo(before);
    }

    /** A JVM ended by SIGTERM (as by an interrupt) restores the machine in its shutdown hook. */
    @Test
    void aTerminatedJvmRestoresTheMachine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SetUpAndWait.class.getName())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        try {
            assertThat(output.readLine()).isEqualTo(SetUpAndWait.READY);
            assertThat(MachineState.now().swaps()).hasSize(1);
            assertThat(MachineState.now().nrHugepages()).isEqualTo(before.nrHugepages() + MachineSetup.HUGE_PAGES);
        } finally {
            // SIGTERM even when an assertion failed, so that the child restores the machine; through
            // the handle, as Process.destroy would also close the child's output before it is read
            child.toHandle().destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(output.lines()).as("what the child printed while exiting").isEmpty();
        assertThat(MachineState.now()).isEqualTo(before);
    }

    /** The child JVM of {@link #aTerminatedJvmRestoresTheMachine}: sets up, says so, waits to be ended. */
    static final class SetUpAndWait {
        static final String READY = "swap and huge pages provided";

        public static void main(String[] args) throws InterruptedException {
            MachineSetup setup = new MachineSetup();
            if (setup.ensure(SWAP) == null && setup.ensure(HUGETLB) == null) {
                System.out.println(READY);
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** What the setup may change: active swap areas, nr_hugepages, zram devices. */
    record MachineState(List<String> swaps, long nrHugepages, List<String> zramDevices) {
        static MachineState now() throws IOException {
            try (Stream<Path> devices = Files.list(Path.of("/sys/block"))) {
                return new MachineState(SwapArea.active(),
                        MachineSetup.nrHugepages(),
                        devices.map(device -> device.getFileName().toString())
                                .filter(name -> name.startsWith("zram")).sorted().toList());
            }
        }
    }
}
