package org.mmkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmkit.backend.Requirement;
import org.mmkit.scenario.FakeBackend;
import org.mmkit.scenario.ScenarioParser;

class BackendPairTest {
    @Test
    void bothTranscriptsAndWhereTheyPart() throws Exception {
        BackendPair pair = new BackendPair("fake", FakeBackend::new, "refuses-exec", RefusesExecBackend::new);
        BackendPair.Comparison run = pair.compare(ScenarioParser.parse("x.mms", """
                a = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
                mprotect(a, PAGE, PROT_EXEC)
                """));
        assertThat(run.left().transcript()).endsWith("mprotect(a, PAGE, PROT_EXEC) = 0");
        assertThat(run.right().transcript()).contains("mprotect(a, PAGE, PROT_EXEC) = -1 EACCES");
        assertThat(run.difference().source()).isEqualTo(2);
    }

    @Test
    void aBackendThatSkipsTheScenarioIsAnError() throws Exception {
        BackendPair pair = new BackendPair("fake", FakeBackend::new, "not-root",
                () -> new FakeBackend().lacking(Requirement.Kind.ROOT));
        assertThatThrownBy(() -> pair.compare(ScenarioParser.parse("x.mms", "requires: root\nmaps\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the not-root backend cannot run x.mms: requires root");
    }
}
