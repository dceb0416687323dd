package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped with the project (examples/, scenarios/) is valid. */
class ShippedScenariosParseTest {
    /** Tests run in the module directory; the scenario folders are at the project root. */
    private static final Path ROOT = Path.of("..");

    static Stream<Path> shipped() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String dir : List.of("examples", "scenarios")) {
            Path d = ROOT.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> walk = Files.walk(d)) {
                    walk.filter(p -> p.toString().endsWith(".mms")).sorted().forEach(files::add);
                }
            }
        }
        assertThat(files).as("the guided tour at least").isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void parses(Path file) throws Exception {
        Scenario s = ScenarioParser.parse(ROOT.relativize(file).toString(), Files.readString(file));
        assertThat(s.steps()).isNotEmpty();
        assertThat(s.steps().getFirst()).as("a header comment naming the source").isInstanceOf(Step.Comment.class);
    }
}
