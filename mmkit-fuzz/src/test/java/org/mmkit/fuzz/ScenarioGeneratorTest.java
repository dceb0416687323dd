package org.mmkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mmkit.model.ModelBackend;
import org.mmkit.scenario.Runner;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioParser;
import org.mmkit.scenario.ScenarioResult;

class ScenarioGeneratorTest {

    @Test
    void theSameSeedWritesTheSameScenario() {
        assertThat(ScenarioGenerator.generate(42, 200)).isEqualTo(ScenarioGenerator.generate(42, 200));
        assertThat(ScenarioGenerator.generate(42, 200)).isNotEqualTo(ScenarioGenerator.generate(43, 200));
    }

    @Test
    void aScenarioIsAnUnprivilegedProcessItsReservationIovecPageCapAndBreakThenALinePerStep() {
        String[] lines = ScenarioGenerator.generate(7, 50).split("\n");
        // a setrlimit step writes its struct on a line of its own first
        assertThat(lines.length).isBetween(ScenarioGenerator.PROLOGUE_LINES + 50, ScenarioGenerator.PROLOGUE_LINES + 100);
        assertThat(lines[0]).startsWith("#");
        // no requires: root: the worker is unprivileged, and making it needs no privilege
        assertThat(lines[1]).isEqualTo("process u unprivileged");
        assertThat(lines[2]).startsWith("in u: r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE,");
        assertThat(lines[3]).isEqualTo("in u: mmap(r+239*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)");
        assertThat(lines[4]).isEqualTo("in u: mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
        assertThat(lines[5]).isEqualTo("in u: hb = brk(0)");
        // a join takes no "in PROCESS:"
        assertThat(Arrays.asList(lines).subList(ScenarioGenerator.PROLOGUE_LINES, lines.length))
                .allMatch(line -> line.startsWith("in ") || line.matches("join t\\d+"));
    }

    /**
     * Vector calls read their iovecs only from the iovec page, which no other step writes: an
     * iovec made of what another step left in memory (a getrlimit result) pointed into the
     * executor's own image on the kernel (found by mmkit fuzz --seed 680094959).
     */
    @Test
    void iovecsComeOnlyFromTheIovecPageWhichNothingElseWrites() {
        Pattern vectorCall = Pattern.compile("(?:readv|writev|preadv|pwritev)\\(\\w+, ([^,]+),");
        Pattern processVm = Pattern.compile("process_vm_(?:readv|writev)\\(pid\\(\\w+\\), ([^,]+), \\w+, ([^,]+),");
        String page = "r+239*PAGE";
        int vectors = 0;
        for (long seed = 0; seed < 200; seed++) {
            String[] lines = ScenarioGenerator.generate(seed, 300).split("\n");
            for (String line : Arrays.asList(lines).subList(ScenarioGenerator.PROLOGUE_LINES, lines.length)) {
                Matcher vector = vectorCall.matcher(line);
                Matcher remote = processVm.matcher(line);
                if (line.contains("process_vm_") && remote.find()) {
                    assertThat(remote.group(1)).as(line).startsWith(page + "+");
                    assertThat(remote.group(2)).as(line).startsWith(page + "+");
                    vectors++;
                } else if (vector.find()) {
                    assertThat(vector.group(1)).as(line).startsWith(page + "+");
                    vectors++;
                } else if (line.contains("iovec{")) {
                    assertThat(line).matches("in \\w+: store\\(r\\+239\\*PAGE\\+\\d+, iovec\\{.*");
                } else if (Stream.of("PAGEMAP_SCAN", "UFFDIO_REGISTER", "UFFDIO_UNREGISTER", "UFFDIO_WRITEPROTECT")
                        .noneMatch(line::contains)) {
                    // scans, registrations and (async) write protection of the tracker steps change no bytes
                    assertThat(line).as("seed " + seed).doesNotContain(page);
                }
            }
        }
        assertThat(vectors).isGreaterThan(100);
    }

    @Test
    void userfaultfdStepsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 50).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).contains("in u: uf = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)", "read(uf)", "poll(uf)",
                        "UFFDIO_ZEROPAGE", "UFFDIO_POISON", "UFFDIO_CONTINUE", "UFFDIO_MOVE", "UFFDIO_UNREGISTER",
                        "mode=UFFDIO_WRITEPROTECT_MODE_WP})", "mode=UFFDIO_REGISTER_MODE_MINOR})")
                .containsPattern("in u: ioctl\\(uf, UFFDIO_REGISTER, \\{range=\\{start=r\\+2\\d\\d\\*PAGE, len=\\d\\*PAGE\\}")
                .containsPattern("in u: spawn t\\d+: store\\(r\\+2\\d\\d\\*PAGE");
    }

    @Test
    void everySpawnedAccessIsWokenBeforeItsJoinAndOnlyThreadsTouchTheRegisteredPages() {
        // the worker's own thread never waits in a fault: registrations are only in the top of r,
        // which only spawned threads access; each is resolved and woken before its join
        for (long seed = 0; seed < 100; seed++) {
            List<String> lines = List.of(ScenarioGenerator.generate(seed, 200).split("\n"));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                java.util.regex.Matcher spawn = java.util.regex.Pattern
                        .compile("in u: spawn (t\\d+): (load|store)\\((r\\+\\d+\\*PAGE)").matcher(line);
                if (spawn.find()) {
                    int join = lines.indexOf("join " + spawn.group(1));
                    assertThat(join).as("seed %d line %d", seed, i).isGreaterThan(i);
                    assertThat(lines.get(join - 1)).as("seed %d", seed)
                            .isEqualTo("in u: ioctl(uf, UFFDIO_WAKE, {start=" + spawn.group(3) + ", len=PAGE})");
                    assertThat(lines.subList(i, join)).as("seed %d", seed)
                            .contains("in u: ioctl(uf, UFFDIO_WRITEPROTECT, {range={start=" + spawn.group(3) + ", len=PAGE}, mode=0})");
                } else {
                    assertThat(line).as("seed %d line %d", seed, i)
                            .doesNotContainPattern("(load|store)\\(r\\+(24[0-7]|25[0-3])\\*PAGE");
                }
            }
        }
    }

    @Test
    void everyScenarioParses() {
        LongStream.range(0, 300).forEach(seed -> assertThatCode(
                () -> ScenarioParser.parse("seed-" + seed, ScenarioGenerator.generate(seed, 150)))
                .as("seed %d", seed).doesNotThrowAnyException());
    }

    @Test
    void addressesAreNeverRawNumbers() {
        // every address after the reservation is a name plus an offset: placement differs between backends
        LongStream.range(0, 100).forEach(seed -> {
            List<String> lines = List.of(ScenarioGenerator.generate(seed, 150).split("\n"));
            int afterReservation = 1 + lines.indexOf(lines.stream().filter(line -> line.contains(" = mmap(0x")).findFirst().orElseThrow());
            assertThat(lines.subList(afterReservation, lines.size())).as("seed %d", seed)
                    .noneMatch(line -> line.matches(".*\\((0x)?[0-9a-f]{5,}.*"));
        });
    }

    @Test
    void limitsHeapSealAndNameStepsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 50).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).containsPattern("store\\([^\n]*, rlimit\\{rlim_cur=\\d+\\*PAGE, rlim_max=\\d+\\*PAGE\\}\\)\nin \\w+: setrlimit\\(RLIMIT_MEMLOCK, ");
        assertThat(all).contains("getrlimit(RLIMIT_AS, ", "brk(hb + ", "mseal(hb, ", "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, ");
        assertThat(all).containsPattern("mseal\\(r[^\n]*, 1\\)");
    }

    @Test
    void sealStepsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 50).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).contains("F_ADD_SEALS, F_SEAL_WRITE)", "F_ADD_SEALS, F_SEAL_FUTURE_WRITE)", "F_ADD_SEALS, F_SEAL_GROW)",
                "F_ADD_SEALS, F_SEAL_EXEC)", "F_GET_SEALS, 0)", "MFD_EXEC|MFD_ALLOW_SEALING)");
        assertThat(all).containsPattern("in u: write\\(fd\\d+, ");
    }

    @Test
    void remapFilePagesProcCountersAndProcMemStepsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 200).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).containsPattern("remap_file_pages\\([^,]+, \\d+\\*PAGE, 0, \\d+, MAP_NONBLOCK\\)")
                .containsPattern("remap_file_pages\\([^,]+, \\d+\\*PAGE, PROT_READ, ")
                .contains("status.VmLck", "statm.size", "smaps_rollup.Pss_Shmem")
                .containsPattern("mem\\d+ = open\\(\"/proc/self/mem\", O_RDONLY, 0\\)")
                .containsPattern("pread\\(mem\\d+, ");
    }

    @Test
    void fileStepsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 50).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).containsPattern("in u: fd\\d+ = open\\(\"f\\d+\", O_RDONLY\\|O_CREAT")
                .containsPattern("unlink\\(\"f\\d+\"\\)")
                .contains("O_PATH, 0600)", "pipe2(", ", iovec{iov_base=")
                .containsPattern("dup2\\(\\w+, 10\\d\\)")
                .containsPattern("(readv|writev|preadv|pwritev)\\(")
                .containsPattern("pread\\(\\w+, ")
                .containsPattern("pwrite\\(\\w+, ");
    }

    @Test
    void pagemapScanAndWpAsyncStepsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 50).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).contains("pm = dup2(pm0, 99)", "features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED})",
                        "mode=UFFDIO_REGISTER_MODE_WP})", "ioctl(wa, UFFDIO_WRITEPROTECT, ", "ioctl(wa, UFFDIO_UNREGISTER, ")
                .containsPattern("ioctl\\(pm, PAGEMAP_SCAN, \\{flags=PM_SCAN_WP_MATCHING\\|PM_SCAN_CHECK_WPASYNC, start=r\\+\\d+\\*PAGE, "
                        + "end=r\\+\\d+\\*PAGE, vec_len=\\d, max_pages=\\d+, category_mask=")
                .containsPattern("category_inverted=\\w+, category_anyof_mask=")
                .containsPattern("start=r\\+\\d+\\*PAGE\\+1, ")
                .contains("return_mask=0x1ff}", "category_mask=0x200");
    }

    @Test
    void pathEdgeCasesTmpfilesSetflAndNofileLimitsAreGenerated() {
        String all = String.join("\n", LongStream.range(0, 100).mapToObj(seed -> ScenarioGenerator.generate(seed, 150)).toList());
        assertThat(all).containsPattern("in u: fd\\d+ = open\\(\"[./]+\", O_TMPFILE\\|O_(RDWR|WRONLY)")
                .containsPattern("O_TMPFILE\\|O_RDONLY, 0600\\)")
                .containsPattern("open\\(\"f\\d+/\\.\\.\", ")
                .containsPattern("unlink\\(\"f\\d+/\"\\)")
                .containsPattern("open\\(\"/proc/self/fd/\\d+\", O_RDWR\\|O_NONBLOCK, 0\\)")
                .containsPattern("fcntl\\(\\w+, F_SETFL, O_APPEND\\|O_NONBLOCK\\)")
                .containsPattern("store\\(lim\\d+, rlimit\\{rlim_cur=\\d+, rlim_max=\\d+\\}\\)\nin \\w+: setrlimit\\(RLIMIT_NOFILE, lim\\d+\\)")
                .contains("getrlimit(RLIMIT_NOFILE, ")
                .containsPattern("memfd_create\\((NULL|8|\"x{250}\"), 0\\)")
                .doesNotContain("O_DIRECT", "O_NOATIME");
    }

    @Test
    void noReferencedQuestionFollowsMadvFree() {
        // after MADV_FREE aged PTEs, Referenced shows PG_referenced, which per-CPU batches and DAMON change
        int asked = 0;
        for (long seed = 0; seed < 100; seed++) {
            List<String> lines = List.of(ScenarioGenerator.generate(seed, 300).split("\n"));
            int free = lines.indexOf(lines.stream().filter(line -> line.contains("MADV_FREE")).findFirst().orElse(""));
            List<String> referenced = lines.stream().filter(line -> line.endsWith(".Referenced")).toList();
            asked += referenced.size();
            if (free >= 0) {
                assertThat(lines.subList(free, lines.size())).as("seed %d", seed).noneMatch(line -> line.endsWith(".Referenced"));
            }
        }
        assertThat(asked).isPositive();
    }

    /**
     * reclaim() comes only in seeds with swap, each followed by swapoff() and swapon(), and only
     * while the worker is alone and nothing shmem, droppable or userfaultfd was made: there the
     * kernel's choice of what stays on its active lists shows (seeds 32 and 3672 were the first
     * with a reclaim; 3672 found that the executor's pagemap buffer was a page it had never touched).
     */
    @Test
    void reclaimComesOnlyWhereItsOutcomeCompares() {
        int reclaims = 0;
        for (long seed = 0; seed < 800; seed += 4) {
            List<String> lines = List.of(ScenarioGenerator.generate(seed, 300).split("\n"));
            assertThat(lines.get(1)).isEqualTo("requires: swap, memcg");
            Set<String> children = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher fork = Pattern.compile(": fork\\(\\) => (\\w+)$").matcher(lines.get(i));
                Matcher exit = Pattern.compile(": exit\\((\\w+)\\)$").matcher(lines.get(i));
                if (fork.find()) {
                    children.add(fork.group(1));
                } else if (exit.find()) {
                    children.remove(exit.group(1));
                }
                if (!lines.get(i).equals("in u: reclaim()")) {
                    continue;
                }
                reclaims++;
                assertThat(children).as("seed %d: live children", seed).isEmpty();
                assertThat(lines.subList(i + 1, i + 3)).as("seed %d", seed).containsExactly("in u: swapoff()", "in u: swapon()");
                assertThat(lines.subList(0, i)).as("seed %d", seed)
                        .noneMatch(line -> line.contains("memfd_create") || line.contains("open(\"f")
                                || line.contains("MAP_SHARED") || line.contains("MAP_DROPPABLE"));
            }
        }
        assertThat(reclaims).isPositive();
        assertThat(LongStream.range(0, 200).filter(seed -> !ScenarioGenerator.withSwap(seed))
                .mapToObj(seed -> ScenarioGenerator.generate(seed, 300))).noneMatch(text -> text.contains("reclaim()"));
    }

    @Test
    void noScenarioStopsEarlyOnTheModel() throws Exception {
        // names always have values, processes are alive when used, vmflags and smaps find a VMA
        for (long seed = 0; seed < 40; seed++) {
            Scenario scenario = ScenarioParser.parse("seed-" + seed, ScenarioGenerator.generate(seed, 150));
            ScenarioResult result;
            try (ModelBackend model = new ModelBackend()) {
                result = Runner.run(scenario, model, false);
            }
            assertThat(result.transcript()).as("seed %d", seed)
                    .noneMatch(line -> line.matches("FAIL .*: ('.*' has no value|process .* is not running"
                            + "|no VMA contains .*|stopped by an error .*)"));
        }
    }
}
