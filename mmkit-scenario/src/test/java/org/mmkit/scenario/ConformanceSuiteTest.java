package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mmkit.backend.Backend;
import org.mmkit.model.ModelBackend;

/**
 * The model's conformance suite: every scenario shipped with the project (examples/, scenarios/)
 * is valid, starts with a comment naming its source, and passes on the model backend, or is
 * skipped for a requirement the model lacks. The same files run on the kernel with
 * {@code mmkit diff}; this keeps the model's side inside {@code mvn test}.
 */
class ConformanceSuiteTest {
    /** Tests run in the module directory; the scenario folders are at the project root. */
    private static final Path ROOT = Path.of("..");

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPassesOnTheModel() throws IOException {
        return shipped().stream().map(file -> {
            String name = ROOT.relativize(file).toString();
            return dynamicTest(name, file.toUri(), () -> passesOnTheModel(name, file));
        });
    }

    private static void passesOnTheModel(String name, Path file) throws IOException, ScenarioSyntaxException {
        Scenario scenario = ScenarioParser.parse(name, Files.readString(file));
        assertThat(scenario.steps()).isNotEmpty();
        assertThat(scenario.steps().getFirst()).as("a header comment naming the source").isInstanceOf(Step.Comment.class);
        ScenarioResult result;
        try (Backend model = new ModelBackend()) {
            result = Runner.run(scenario, model, false);
        }
        assertThat(result.status())
                .as("%s on the model: %s%n%s", name, result.problem(), String.join("\n", result.transcript()))
                .isIn(ScenarioResult.Status.PASSED, ScenarioResult.Status.SKIPPED);
    }

    private static List<Path> shipped() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("examples", "scenarios")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".mms")).sorted().forEach(files::add);
            }
        }
        assertThat(files).as("the guided tour at least").isNotEmpty();
        return files;
    }
}
