package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmkit.backend.Backend;
import org.mmkit.backend.Requirement;
import org.mmkit.core.KernelConfig;
import org.mmkit.model.ModelBackend;
import org.mmkit.scenario.ScenarioResult.Status;

class RunnerTest {
    private static final String MMAP = "a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n";
    /** Privilege for main: PFNs in pagemap, PFN comparisons. */
    private static final String ROOT = "requires: root\n";

    private static ScenarioResult run(String text) throws ScenarioSyntaxException {
        return run(text, new FakeBackend());
    }

    private static ScenarioResult run(String text, Backend backend) throws ScenarioSyntaxException {
        return Runner.run(ScenarioParser.parse("t.mms", text), backend, false);
    }

    @Test
    void transcriptEchoesEachLineWithItsOutcome() throws Exception {
        ScenarioResult r = run(MMAP + "store(a, 2, 7)\nload(a, 3)\nmunmap(a+PAGE, PAGE)\nmincore(a, 2*PAGE)\n");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.problem()).isEqualTo("t.mms:5: expected success, got -1 ENOMEM");
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "store(a, 2, 7)",
                "load(a, 3) == 0x07*2 0x00",
                "munmap(a+PAGE, PAGE) = 0",
                "mincore(a, 2*PAGE) = -1 ENOMEM",
                "FAIL t.mms:5: expected success, got -1 ENOMEM");
    }

    @Test
    void failedExpectationsAreReportedAndTheRunGoesOn() throws Exception {
        ScenarioResult r = run(MMAP + "munmap(a, PAGE) = -1 EINVAL\nload(a+PAGE, 1) == 1\nmunmap(a+1, PAGE) = -1 EINVAL\n");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.problem()).isEqualTo("t.mms:2: expected -1 EINVAL, got 0");
        assertThat(r.transcript()).containsSubsequence(
                "munmap(a, PAGE) = 0",
                "FAIL t.mms:2: expected -1 EINVAL, got 0",
                "load(a+PAGE, 1) == 0x00",
                "FAIL t.mms:3: expected 0x01, got 0x00",
                "munmap(a+1, PAGE) = -1 EINVAL");
    }

    @Test
    void spawnedAccessesAreReportedAndCheckedAtTheirJoin() throws Exception {
        FakeBackend backend = new FakeBackend();
        ScenarioResult r = run(MMAP + "spawn t1: store(a, 1, 0xcd)\nspawn t2: load(a, 2) == 0xcd\n"
                + "spawn t3: load(a+4*PAGE, 1) => SIGSEGV SEGV_MAPERR\njoin t2\njoin t1\nload(a, 1) == 0xcd\n", backend);
        assertThat(r.problem()).isEqualTo("t.mms:5: expected 0xcd, got 0xcd 0x00");
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "spawn t1: store(a, 1, 0xcd)",
                "spawn t2: load(a, 2)",
                "spawn t3: load(a+4*PAGE, 1)",
                "join t2: load(a, 2) == 0xcd 0x00",
                "FAIL t.mms:5: expected 0xcd, got 0xcd 0x00",
                "join t1: store(a, 1, 0xcd)",
                "load(a, 1) == 0xcd",
                "join t3: load(a+4*PAGE, 1) => SIGSEGV SEGV_MAPERR at <addr>");
        assertThat(backend.threadAccesses).isEqualTo(3);
    }

    @Test
    void aThreadNotJoinedIsJoinedBeforeItsProcessExits() throws Exception {
        ScenarioResult r = run(MMAP + "fork() => child\nin child: spawn t1: store(a, 1, 1)\nspawn t2: load(a, 1)\nexit(child)\nmaps\n");
        assertThat(r.status()).isEqualTo(Status.PASSED);
        assertThat(r.transcript()).containsSubsequence(
                "in child: join t1: store(a, 1, 1)", "exit(child)", "maps", "join t2: load(a, 1) == 0x00");
    }

    @Test
    void aSpawnedSystemCallPrintsAndChecksItsResultAtTheJoin() throws Exception {
        ScenarioResult r = run(MMAP + "spawn t1: munmap(a+1, PAGE) = -1 EINVAL\nspawn t2: munmap(a+2, PAGE) = 0\n"
                + "join t1\njoin t2\n");
        assertThat(r.problem()).isEqualTo("t.mms:5: expected 0, got -1 EINVAL");
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "spawn t1: munmap(a+1, PAGE)",
                "spawn t2: munmap(a+2, PAGE)",
                "join t1: munmap(a+1, PAGE) = -1 EINVAL",
                "join t2: munmap(a+2, PAGE) = -1 EINVAL",
                "FAIL t.mms:5: expected 0, got -1 EINVAL");
    }

    @Test
    void aSystemCallBlockedAtTheEndStopsTheRunOnTheModel() throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run(MMAP + "pipe(a) = 0\nspawn t1: read(3, a+8, 1)\nmaps\n", model);
            assertThat(r.problem()).isEqualTo("t.mms:3: thread t1 (spawned on line 3) is still blocked at the end of the scenario");
        }
    }

    @Test
    void swapoffAndSwaponActOnTheLentAreaOnlyOnTheModel() throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run("requires: swap\nswapon() = -1 EBUSY\nswapoff() = 0\nswapoff() = -1 EINVAL\nswapon() = 0\n", model);
            assertThat(r.problem()).isNull();
        }
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run("swapoff()\n", model);
            assertThat(r.problem()).isEqualTo("t.mms:1: swapoff() and swapon() act on the swap area lent for 'requires: swap', "
                    + "and the model lent none (a scenario without the requirement, or a configuration with swap of its own)");
        }
    }

    @Test
    void reclaimSendsEveryPageOfEveryProcessToSwapOnTheModel() throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run("requires: root, swap, memcg\n" + MMAP + "store(a, 2*PAGE, 0x7)\nfork() => child\n"
                    + "in child: store(a, 1, 0x8)\nreclaim()\npagemap(a, 2) == swapped@S1, swapped@S2\n"
                    + "in child: pagemap(a, 2) == swapped@S3, swapped@S2\nin child: load(a, 2) == 0x8 0x7\n"
                    + "load(a+PAGE, 1) == 0x7\n", model);
            assertThat(r.problem()).isNull();
        }
    }

    @Test
    void aSystemCallBlockedWhenItsProcessExitsStopsTheRunOnTheModel() throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run(MMAP + "pipe(a) = 0\nfork() => child\nin child: spawn t1: read(3, a+8, 1)\nexit(child)\n", model);
            assertThat(r.problem()).isEqualTo("t.mms:4: thread t1 (spawned on line 4) is still blocked when its process exits");
        }
    }

    @Test
    void aCallOfTheMainThreadThatWouldSleepForEverStopsTheRunOnTheModel() throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run(MMAP + "pipe(a) = 0\nread(3, a+8, 1)\n", model);
            assertThat(r.problem()).isEqualTo("t.mms:3: stopped by an error of backend model: java.lang.IllegalStateException: "
                    + "read of process 1 sleeps until another thread wakes it, and no thread of the scenario can: it would wait for ever");
        }
    }

    @Test
    void aThreadStillBlockedAtItsJoinStopsTheRunNamingItsSpawnLine() throws Exception {
        ScenarioResult r = run(MMAP + "spawn t1: load(a, 1)\nmaps\njoin t1\nmaps\n", new FakeBackend().withBlockingThreads());
        assertThat(r.problem()).isEqualTo("t.mms:4: thread t1 (spawned on line 2) is still blocked at the join");
    }

    @Test
    void aThreadStillBlockedWhenItsProcessExitsStopsTheRun() throws Exception {
        ScenarioResult r = run(MMAP + "fork() => child\nin child: spawn t1: load(a, 1)\nexit(child)\n",
                new FakeBackend().withBlockingThreads());
        assertThat(r.problem()).isEqualTo("t.mms:3: thread t1 (spawned on line 3) is still blocked when its process exits");
    }

    @Test
    void aThreadStillBlockedAtTheEndStopsTheRunNamingItsSpawnLine() throws Exception {
        ScenarioResult r = run(MMAP + "spawn t1: load(a, 1)\nmaps\n", new FakeBackend().withBlockingThreads());
        assertThat(r.problem()).isEqualTo("t.mms:2: thread t1 (spawned on line 2) is still blocked at the end of the scenario");
    }

    @Test
    void aSpawnedAccessRunsInTheProcessOfItsLine() throws Exception {
        ScenarioResult r = run(MMAP + "fork() => child\nin child: spawn t1: store(a, 1, 1)\nload(a, 1) == 0\njoin t1\n"
                + "in child: load(a, 1) == 1\n");
        assertThat(r.status()).isEqualTo(Status.PASSED);
        assertThat(r.transcript()).contains("in child: join t1: store(a, 1, 1)");
    }

    @Test
    void returnedAddressesAreSymbolic() throws Exception {
        ScenarioResult r = run(MMAP + "b = mmap(a+PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+PAGE\n"
                + "mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n"
                + "mmap(a+2*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = b\n");
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "b = mmap(a+PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+0x1000",
                "mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = <addr>",
                "mmap(a+2*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+0x2000",
                "FAIL t.mms:4: expected b, got a+0x2000");
    }

    @Test
    void mremapResultsAreNamedLikeMmapResults() throws Exception {
        ScenarioResult r = run(MMAP + "store(a, 1, 9)\nmunmap(a+PAGE, 3*PAGE)\n"
                + "b = mremap(a, PAGE, 2*PAGE, 0, 0)\n"
                + "x = mmap(a+2*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\n"
                + "c = mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0)\n"
                + "load(c, 1) == 9\nload(a, 1) => SIGSEGV SEGV_MAPERR at a\nmaps\n"
                + "mremap(c, 4*PAGE, PAGE, 0, 0) = c\nmremap(a, PAGE, PAGE, 0, 0) = -1 EFAULT\n");
        assertThat(r.problem()).as(String.join("\n", r.transcript())).isNull();
        assertThat(r.transcript()).containsSubsequence(
                "b = mremap(a, PAGE, 2*PAGE, 0, 0) = a",
                "x = mmap(a+2*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+0x2000",
                "c = mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0) = c",
                "load(a, 1) => SIGSEGV SEGV_MAPERR at a",
                "maps",
                "  c..c+0x4000 rw-p",
                "  x..x+0x1000 r--p",
                "mremap(c, 4*PAGE, PAGE, 0, 0) = c");
    }

    @Test
    void verboseModeKeepsRawValues() throws Exception {
        ScenarioResult r = Runner.run(ScenarioParser.parse("t.mms", ROOT + MMAP + "store(a, 1, 1)\npagemap(a, 1)\n"),
                new FakeBackend(), true);
        assertThat(r.transcript().getFirst()).matches(".* = a \\(0x7[0-9a-f]+\\)");
        assertThat(r.transcript().getLast()).isEqualTo("pagemap(a, 1) == present|exclusive@P1(0x1000)");
    }

    @Test
    void signalsArePrintedAndChecked() throws Exception {
        ScenarioResult r = run(MMAP + "mprotect(a, PAGE, PROT_READ)\n"
                + "store(a+1, 1, 0) => SIGSEGV SEGV_ACCERR at a+1\n"
                + "store(a, 1, 0)\n"
                + "load(a+4*PAGE, 1) => SIGSEGV SEGV_ACCERR\n"
                + "load(a, 1) => SIGBUS\n"
                + "store(a+PAGE, 1, 0) => SIGSEGV\n");
        assertThat(r.transcript()).containsSubsequence(
                "store(a+1, 1, 0) => SIGSEGV SEGV_ACCERR at a+0x1",
                "store(a, 1, 0) => SIGSEGV SEGV_ACCERR at a",
                "FAIL t.mms:4: expected the store to complete, got => SIGSEGV SEGV_ACCERR at a",
                "load(a+4*PAGE, 1) => SIGSEGV SEGV_MAPERR at <addr>",
                "FAIL t.mms:5: expected => SIGSEGV SEGV_ACCERR, got => SIGSEGV SEGV_MAPERR at <addr>",
                "load(a, 1) == 0x00",
                "FAIL t.mms:6: expected => SIGBUS, got == 0x00",
                "store(a+PAGE, 1, 0)",
                "FAIL t.mms:7: expected => SIGSEGV, got the store completed");
        assertThat(r.problem()).isEqualTo("t.mms:4: expected the store to complete, got => SIGSEGV SEGV_ACCERR at a");
    }

    @Test
    void pagemapFramesAreNormalisedInOrderOfFirstSight() throws Exception {
        ScenarioResult r = run(ROOT + MMAP + "store(a+PAGE, PAGE, 1)\nload(a+2*PAGE, 1)\nstore(a, 1, 1)\n"
                + "pagemap(a, 4) == present|exclusive@P2, present|exclusive@P1, present@P3, none\n"
                + "pagemap(a, 4) == present|exclusive, present|exclusive, present, none\n"
                + "pagemap(a, 2) == present|exclusive\n"
                + "pagemap(a, 4) == present|exclusive*2, present, none*2\n"
                + "pagemap(a, 2) == present|exclusive@P1*2\n");
        assertThat(r.transcript()).containsSubsequence(
                "pagemap(a, 4) == present|exclusive@P1, present|exclusive@P2, present@P3, none",
                "FAIL t.mms:6: expected present|exclusive@P2, present|exclusive@P1, present@P3, none, "
                        + "got present|exclusive@P1, present|exclusive@P2, present@P3, none",
                "pagemap(a, 4) == present|exclusive@P1, present|exclusive@P2, present@P3, none",
                "pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2",
                "FAIL t.mms:9: expected present|exclusive*2, present, none*2, got present|exclusive@P1, present|exclusive@P2, present@P3, none",
                "FAIL t.mms:10: expected present|exclusive@P1*2, got present|exclusive@P1, present|exclusive@P2");
        assertThat(r.transcript()).filteredOn(l -> l.startsWith("FAIL")).hasSize(3);
    }

    @Test
    void unprivilegedReadersSeeZeroFramesAndCannotComparePfns() throws Exception {
        ScenarioResult r = run("process p unprivileged\nin p: " + MMAP + "in p: store(a, 1, 1)\n"
                + "in p: pagemap(a, 1) == present|exclusive@0\nin p: pfn(a) == pfn(a)\nload(0, 1)\n");
        assertThat(r.transcript()).containsExactly(
                "process p unprivileged",
                "in p: " + MMAP.strip() + " = a",
                "in p: store(a, 1, 1)",
                "in p: pagemap(a, 1) == present|exclusive@0",
                "FAIL t.mms:5: pfn(a): the PFN is hidden (process 'p' is unprivileged)");
    }

    @Test
    void mainIsPrivilegedOnlyWhenTheScenarioRequiresRoot() throws Exception {
        String steps = MMAP + "store(a, 1, 1)\npagemap(a, 1)\nprocess p\nin p: " + MMAP.replace("a =", "b =")
                + "in p: store(b, 1, 1)\nin p: pagemap(b, 1)\n";
        assertThat(run(steps).transcript()).containsSubsequence(
                "pagemap(a, 1) == present|exclusive@0", "in p: pagemap(b, 1) == present|exclusive@0");
        assertThat(run(ROOT + steps).transcript()).containsSubsequence(
                "pagemap(a, 1) == present|exclusive@P1", "in p: pagemap(b, 1) == present|exclusive@P2");
        ScenarioResult hidden = run(MMAP + "store(a, 1, 1)\npfn(a) == pfn(a)\n");
        assertThat(hidden.problem()).isEqualTo("t.mms:3: pfn(a): the PFN is hidden (process 'main' is unprivileged)");
    }

    @Test
    void aSigkilledProcessIsGoneForLaterLines() throws Exception {
        ScenarioResult r = run(MMAP + "store(a, PAGE, 1)\nstore(a+PAGE, 2*PAGE, 2) => SIGKILL\nload(a, 1)\n",
                new FakeBackend().withRamPages(2));
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "store(a, PAGE, 1)",
                "store(a+PAGE, 2*PAGE, 2) => SIGKILL",
                "FAIL t.mms:4: process 'main' is not running");
    }

    @Test
    void anUnexpectedSigkillFailsAndTheKilledChildIsNotExitedAgain() throws Exception {
        FakeBackend fake = new FakeBackend().withRamPages(2);
        ScenarioResult r = run(MMAP + "fork() => child\nin child: store(a, 4*PAGE, 1)\nload(a, 4*PAGE) == 0\n"
                + "in child: load(a, 1)\n", fake);
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "fork() => child",
                "in child: store(a, 4*PAGE, 1) => SIGKILL",
                "FAIL t.mms:3: expected the store to complete, got => SIGKILL",
                "load(a, 4*PAGE) == 0x00",
                "FAIL t.mms:5: process 'child' is not running");
        ScenarioResult survivor = run(MMAP + "fork() => child\nin child: store(a, 4*PAGE, 1) => SIGKILL\nload(a, 4*PAGE) == 0\n",
                fake = new FakeBackend().withRamPages(2));
        assertThat(survivor.status()).isEqualTo(Status.PASSED);
        // the fake counts the kill as the child's exit; the runner exits only main
        assertThat(fake.exits).isEqualTo(2);
    }

    /**
     * The model's OOM killer ends the faulting process (mm/oom_kill.c, as core models it); the
     * kernel backend cannot run this safely, see scenarios/oom/.
     */
    @Test
    void onTheModelAnOomKilledProcessIsGoneAndItsMemoryFree() throws Exception {
        String hog = "b = mmap(NULL, 100*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)\n"
                + "fork() => hog\nin hog: store(b, 100*PAGE, 1) => SIGKILL\n";
        try (ModelBackend model = new ModelBackend(KernelConfig.linux618().toBuilder().ramPages(64).build())) {
            ScenarioResult survivor = Runner.run(ScenarioParser.parse("t.mms", hog + "store(b, 32*PAGE, 2)\n"), model, false);
            assertThat(survivor.status()).as(String.join("\n", survivor.transcript())).isEqualTo(Status.PASSED);
        }
        try (ModelBackend model = new ModelBackend(KernelConfig.linux618().toBuilder().ramPages(64).build())) {
            ScenarioResult r = Runner.run(ScenarioParser.parse("t.mms", hog + "in hog: load(b, 1)\n"), model, false);
            assertThat(r.transcript()).endsWith("in hog: store(b, 100*PAGE, 1) => SIGKILL",
                    "FAIL t.mms:4: process 'hog' is not running");
        }
    }

    @Test
    void aSpawnedThreadsSigkillEndsItsProcess() throws Exception {
        ScenarioResult r = run(MMAP + "spawn t1: store(a, 4*PAGE, 1) => SIGKILL\njoin t1\nload(a, 1)\n",
                new FakeBackend().withRamPages(2));
        assertThat(r.transcript()).endsWith(
                "join t1: store(a, 4*PAGE, 1) => SIGKILL",
                "FAIL t.mms:4: process 'main' is not running");
    }

    @Test
    void longExpressionChainsEvaluate() throws Exception {
        ScenarioResult r = run(MMAP + "munmap(a, PAGE" + "+0".repeat(100_000) + ") = 0\nmaps(a) == none\n");
        assertThat(r.status()).as(r.problem()).isEqualTo(Status.PASSED);
    }

    @Test
    void manyNamedMappingsAreNamedWithoutScanningThemAll() throws Exception {
        int n = 100_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("m").append(i).append(" = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n");
        }
        text.append("load(m").append(n / 2).append("+1, 1) == 0\nmaps\n");
        ScenarioResult r = run(text.toString());
        assertThat(r.status()).as(r.problem()).isEqualTo(Status.PASSED);
        // one line per mmap, the load, maps and one line per VMA: each named after its own mmap
        assertThat(r.transcript()).hasSize(2 * n + 2);
        assertThat(r.transcript().get(n)).isEqualTo("load(m" + n / 2 + "+1, 1) == 0x00");
        assertThat(r.transcript()).contains("  m0..m0+0x1000 r--p", "  m" + (n - 1) + "..m" + (n - 1) + "+0x1000 r--p");
    }

    @Test
    void forkAndCopyOnWriteAcrossProcesses() throws Exception {
        FakeBackend fake = new FakeBackend();
        ScenarioResult r = run(ROOT + MMAP + "store(a, 1, 5)\nfork() => child\npfn(a) == pfn(child, a)\n"
                + "in child: store(a, 1, 6)\nin child: pfn(main, a) != pfn(a)\nload(a, 1) == 5\nin child: load(a, 1) == 6\n"
                + "in child: fork() => grandchild\nexit(child)\nin child: load(a, 1)\n", fake);
        assertThat(r.transcript()).containsSubsequence(
                "fork() => child",
                "pfn(a) == pfn(child, a)  # P1 P1",
                "in child: pfn(main, a) != pfn(a)  # P1 P2",
                "in child: fork() => grandchild",
                "exit(child)",
                "FAIL t.mms:12: process 'child' is not running");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(fake.exits).isEqualTo(1);
    }

    @Test
    void liveProcessesExitAtTheEnd() throws Exception {
        FakeBackend fake = new FakeBackend();
        ScenarioResult r = run("fork() => child\nin child: fork() => grandchild\nin grandchild: exit()\n", fake);
        assertThat(r.status()).isEqualTo(Status.PASSED);
        assertThat(fake.exits).isEqualTo(3);
    }

    @Test
    void mapsShowsOnlyTheScenariosOwnMappings() throws Exception {
        ScenarioResult r = run(MMAP + "mprotect(a+PAGE, PAGE, PROT_NONE)\nmaps\n"
                + "maps(a+PAGE) == a+PAGE..a+2*PAGE ---p\nmaps(a) == a..a+4*PAGE rw-p\nmaps(a+9*PAGE)\nmaps(a) == r--p\n"
                + "vmas(a, 4*PAGE) == 3\nvmas(a, PAGE) == 2\nmaps(a+9*PAGE) == none\nmaps(a) == none\n");
        assertThat(r.transcript()).containsSubsequence(
                "maps",
                "  a..a+0x1000 rw-p",
                "  a+0x1000..a+0x2000 ---p",
                "  a+0x2000..a+0x4000 rw-p",
                "maps(a+PAGE) == a+0x1000..a+0x2000 ---p",
                "maps(a) == a..a+0x1000 rw-p",
                "FAIL t.mms:5: expected a..a+0x4000 rw-p, got a..a+0x1000 rw-p",
                "maps(a+9*PAGE) == none",
                "maps(a) == a..a+0x1000 rw-p",
                "FAIL t.mms:7: expected r--p, got a..a+0x1000 rw-p",
                "vmas(a, 4*PAGE) == 3",
                "vmas(a, PAGE) == 1",
                "FAIL t.mms:9: expected 2, got 1",
                "maps(a+9*PAGE) == none",
                "maps(a) == a..a+0x1000 rw-p",
                "FAIL t.mms:11: expected none, got a..a+0x1000 rw-p");
        assertThat(r.transcript()).noneMatch(l -> l.contains("libc"));
    }

    @Test
    void smapsFieldsAndVmFlags() throws Exception {
        ScenarioResult r = run(MMAP + "store(a, 2*PAGE, 1)\nload(a+2*PAGE, 1)\nsmaps(a).Rss == 8 kB\nsmaps(a).Rss == 12\n"
                + "vmflags(a) has rd wr\nvmflags(a) lacks lo\nvmflags(a) == rd wr mr mw me ac\nvmflags(a) has lo\n"
                + "smaps(a).Locked\n");
        assertThat(r.transcript()).containsSubsequence(
                "smaps(a).Rss == 8 kB",
                "smaps(a).Rss == 8 kB",
                "FAIL t.mms:5: expected 12 kB, got 8 kB",
                "vmflags(a) == rd wr mr mw me ac",
                "vmflags(a) == rd wr mr mw me ac",
                "FAIL t.mms:9: expected has lo, got rd wr mr mw me ac",
                "FAIL t.mms:10: smaps has no field 'Locked'");
    }

    @Test
    void procCountersPrintChangesSinceTheProcessStartedOrForked() throws Exception {
        try (ModelBackend model = new ModelBackend()) {
            ScenarioResult r = run(MMAP + "store(a, PAGE, 1)\nstatus.RssAnon == 4 kB\nfork() => child\n"
                    + "in child: status.RssAnon\nin child: store(a+PAGE, PAGE, 2)\nin child: status.RssAnon == 8 kB\n"
                    + "statm.size\nsmaps_rollup.Rss == 4\nstatus.Nonsense\n", model);
            assertThat(r.transcript()).containsSubsequence(
                    "status.RssAnon == 4 kB",
                    "in child: status.RssAnon == 0 kB",
                    "in child: status.RssAnon == 4 kB",
                    "FAIL t.mms:7: expected 8 kB, got 4 kB",
                    "statm.size == 4",
                    "smaps_rollup.Rss == 4 kB",
                    "FAIL t.mms:10: status has no field 'Nonsense'");
        }
    }

    @Test
    void pidOfAnExitedProcessStopsTheRun() throws Exception {
        ScenarioResult r = run("fork() => child\nexit(child)\npidfd_open(pid(child), 0)\n");
        assertThat(r.transcript()).last().isEqualTo("FAIL t.mms:3: process 'child' is not running");
    }

    @Test
    void aNameWhoseCallFailedStopsTheRun() throws Exception {
        ScenarioResult r = run("a = mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL\nmunmap(a, PAGE)\n"
                + "munmap(0, PAGE)\n");
        assertThat(r.transcript()).containsExactly(
                "a = mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL",
                "FAIL t.mms:2: 'a' has no value: its call on line 1 failed");
    }

    @Test
    void fileMappingsShowOffsetAndPath() throws Exception {
        ScenarioResult r = run("fd = memfd_create(\"x y\", 0)\n"
                + "b = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED, fd, 2*PAGE)\n"
                + "mprotect(b+PAGE, PAGE, PROT_NONE)\nmaps\n"
                + "maps(b+PAGE) == b+PAGE..b+2*PAGE ---s \"/memfd:x y (deleted)\"\n"
                + "maps(b) == rw-s \"/memfd:x y (deleted)\"\n"
                + "maps(b) == r--s \"/memfd:z\"\n");
        assertThat(r.transcript()).containsSubsequence(
                "maps",
                "  b..b+0x1000 r--s off=0x2000 \"/memfd:x y (deleted)\"",
                "  b+0x1000..b+0x2000 ---s off=0x3000 \"/memfd:x y (deleted)\"",
                "  b+0x2000..b+0x4000 r--s off=0x4000 \"/memfd:x y (deleted)\"",
                "maps(b+PAGE) == b+0x1000..b+0x2000 ---s off=0x3000 \"/memfd:x y (deleted)\"",
                "maps(b) == b..b+0x1000 r--s off=0x2000 \"/memfd:x y (deleted)\"",
                "FAIL t.mms:6: expected rw-s \"/memfd:x y (deleted)\", got b..b+0x1000 r--s off=0x2000 \"/memfd:x y (deleted)\"",
                "FAIL t.mms:7: expected r--s \"/memfd:z\", got b..b+0x1000 r--s off=0x2000 \"/memfd:x y (deleted)\"");
        assertThat(r.transcript()).filteredOn(l -> l.startsWith("FAIL")).hasSize(2);
    }

    @Test
    void memfdCreateTakesItsNameFromTheStringAreaAndPrintsItsDescriptor() throws Exception {
        ScenarioResult r = run("fd = memfd_create(\"x\", 0)\nmemfd_create(\"y\", 0) = 4\nclose(fd) = 0\n");
        assertThat(r.transcript()).containsExactly("fd = memfd_create(\"x\", 0) = 3",
                "memfd_create(\"y\", 0) = 4", "close(fd) = 0");
    }

    @Test
    void commentsAreEchoed() throws Exception {
        assertThat(run("# hello\n\n# world  \n").transcript()).containsExactly("# hello", "# world");
    }

    @Test
    void unmetRequirementsSkip() throws Exception {
        ScenarioResult r = run("requires: root, swap\n" + MMAP, new FakeBackend().lacking(Requirement.Kind.SWAP));
        assertThat(r.status()).isEqualTo(Status.SKIPPED);
        assertThat(r.problem()).isEqualTo("requires swap: the fake has no SWAP");
        assertThat(r.transcript()).isEmpty();
        r = run("requires: kernel >= 6.17\n", new FakeBackend().lacking(Requirement.Kind.KERNEL));
        assertThat(r.problem()).isEqualTo("requires kernel >= 6.17: the fake has no KERNEL");
    }

    @Test
    void backendExceptionsEndTheRunWithAMessage() throws Exception {
        ScenarioResult r = run(MMAP + "in main: exit()\nmunmap(a, PAGE)\n");
        assertThat(r.problem()).isEqualTo("t.mms:3: process 'main' is not running");
        r = run(MMAP + "load(a, 0)\n");
        assertThat(r.problem()).isEqualTo("t.mms:2: access length 0 is not in [1, 67108864]");
    }
}
