package org.mmkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioParser;
import org.mmkit.scenario.ScenarioSyntaxException;

/** Finds and reads scenario files: named files as given, directories searched for {@code *.mms}. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * Every file named, and every {@code *.mms} file under every directory named (recursively,
     * sorted by path), in the order given.
     *
     * @throws NoSuchFileException if a path does not exist
     */
    static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".mms"))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    static Scenario load(Path file) throws IOException, ScenarioSyntaxException {
        return ScenarioParser.parse(file.toString(), Files.readAllBytes(file));
    }
}
