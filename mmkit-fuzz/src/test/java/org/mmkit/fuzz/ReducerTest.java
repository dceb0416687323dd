package org.mmkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmkit.scenario.FakeBackend;

/** Reduction on a pair of fakes that differ only in mprotect with PROT_EXEC (see {@link RefusesExecBackend}). */
class ReducerTest {
    private static final BackendPair FAKES = new BackendPair("fake", FakeBackend::new, "refuses-exec", RefusesExecBackend::new);

    private static final String NOISY = """
            # a scenario with one difference among unrelated steps
            requires: root
            a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            store(a, PAGE, 1)
            store(b, 3, 2)
            fork() => child
            in child: store(a+PAGE, 1, 3)
            pagemap(a, 2)
            mprotect(b, PAGE, PROT_READ)
            load(b, 1)
            maps
            mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_EXEC)
            load(a, 2)
            in child: mprotect(b, PAGE, PROT_EXEC)
            exit(child)
            """;

    @Test
    void reducesToTheDifferingCallAndTheMappingItUses() {
        int line = lineOf(NOISY, "mprotect(a+2*PAGE");
        Reducer.Reduction r = Reducer.reduce(NOISY, line, 0, FAKES::difference).orElseThrow();
        assertThat(r.lines()).containsExactly(
                "requires: root",
                "a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
                "mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_EXEC)");
        assertThat(r.difference().left()).isEqualTo("mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_EXEC) = 0");
        assertThat(r.difference().right()).isEqualTo("mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_EXEC) = -1 EACCES");
        assertThat(r.runs()).isPositive();
    }

    @Test
    void keepsWhatTheDifferingStepNeedsInAnotherProcess() {
        String text = NOISY.replace("mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_EXEC)", "mprotect(a+2*PAGE, PAGE, PROT_READ)");
        Reducer.Reduction r = Reducer.reduce(text, lineOf(text, "in child: mprotect"), 0, FAKES::difference).orElseThrow();
        // the child and the mapping stay; the reduction does not wander to another difference
        assertThat(r.lines()).containsExactly(
                "requires: root",
                "b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
                "fork() => child",
                "in child: mprotect(b, PAGE, PROT_EXEC)");
    }

    @Test
    void thePrologueStays() {
        Reducer.Reduction r = Reducer.reduce(NOISY, lineOf(NOISY, "mprotect(a+2*PAGE"), 4, FAKES::difference).orElseThrow();
        assertThat(r.lines()).containsExactly(
                "# a scenario with one difference among unrelated steps",
                "requires: root",
                "a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
                "b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
                "mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_EXEC)");
    }

    @Test
    void aScenarioThatDoesNotDifferThereHasNoReduction() {
        assertThat(Reducer.reduce(NOISY, lineOf(NOISY, "load(b, 1)"), 0, FAKES::difference)).isEmpty();
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(prefix);
    }
}
