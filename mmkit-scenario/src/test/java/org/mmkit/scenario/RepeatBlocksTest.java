package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code repeat} blocks: unrolled before parsing, with the index written out and line numbers kept. */
class RepeatBlocksTest {
    private static final String MMAP = "a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n";

    private static List<String> texts(String text) throws ScenarioSyntaxException {
        return ScenarioParser.parse("t.mms", text).steps().stream().map(s -> s.origin().line() + " " + s.origin().text()).toList();
    }

    @Test
    void aBlockRunsItsLinesNTimesWithTheIndexWrittenOut() throws ScenarioSyntaxException {
        assertThat(texts(MMAP + "repeat 3 as i:\n  store(a+i*PAGE, 1, i)\n  load(a, 1)\nmunmap(a, PAGE)\n")).containsExactly(
                "1 a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
                "3 store(a+0*PAGE, 1, 0)", "4 load(a, 1)", "3 store(a+1*PAGE, 1, 1)", "4 load(a, 1)",
                "3 store(a+2*PAGE, 1, 2)", "4 load(a, 1)", "5 munmap(a, PAGE)");
    }

    @Test
    void blocksNestAndTheIndexIsReplacedOnlyAsAWordOutsideStrings() throws ScenarioSyntaxException {
        assertThat(texts(MMAP + "repeat 2 as i:\n    repeat 0x2 as j:\n        store(a+i*0x10+j, \"i j\")\n"))
                .containsExactly("1 a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
                        "4 store(a+0*0x10+0, \"i j\")", "4 store(a+0*0x10+1, \"i j\")",
                        "4 store(a+1*0x10+0, \"i j\")", "4 store(a+1*0x10+1, \"i j\")");
        assertThat(texts(MMAP + "repeat 2:\n\tmunmap(a, PAGE)\n")).hasSize(3);
    }

    @Test
    void badBlocksAreErrorsNamingTheirLine() {
        assertThatThrownBy(() -> texts(MMAP + "repeat 0:\n  munmap(a, PAGE)\n")).hasMessage("t.mms:2: the repeat count must be from 1 to 10000, found 0");
        assertThatThrownBy(() -> texts(MMAP + "repeat 10001:\n  munmap(a, PAGE)\n")).hasMessage("t.mms:2: the repeat count must be from 1 to 10000, found 10001");
        assertThatThrownBy(() -> texts(MMAP + "repeat n:\n  munmap(a, PAGE)\n")).hasMessage("t.mms:2: the repeat count must be a number, found 'n'");
        assertThatThrownBy(() -> texts(MMAP + "repeat 2\n  munmap(a, PAGE)\n")).hasMessage("t.mms:2: expected 'repeat COUNT:' or 'repeat COUNT as NAME:'");
        assertThatThrownBy(() -> texts(MMAP + "repeat 2:\nmunmap(a, PAGE)\n")).hasMessage("t.mms:2: a repeat block needs lines indented below it");
        assertThatThrownBy(() -> texts(MMAP + "repeat 2 as i:\n repeat 2 as i:\n  munmap(a, PAGE)\n"))
                .hasMessage("t.mms:3: 'i' already names the index of an enclosing repeat block");
        assertThatThrownBy(() -> texts(MMAP + "repeat 1000 as i:\n repeat 1000:\n  munmap(a, PAGE)\n"))
                .hasMessage("t.mms:4: the repeat blocks add more than 100000 lines");
        // a line in a block that names a result would name it twice
        assertThatThrownBy(() -> texts("repeat 2:\n  b = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n"))
                .hasMessage("t.mms:2: 'b' is already defined");
        assertThatThrownBy(() -> texts("repeat 2 as i:\n  munmap(0, PAGE)\ni = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n"))
                .hasMessage("t.mms:3: 'i' is the index of a repeat block and cannot name a result, process or thread");
    }
}
