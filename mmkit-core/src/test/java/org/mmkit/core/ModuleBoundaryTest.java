package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The compiled module descriptor exports the API and the ABI layouts, and nothing of the model's inside. */
class ModuleBoundaryTest {

    @Test
    void exportsOnlyTheApiAndTheAbiLayouts() throws Exception {
        Path classes = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = descriptor(classes);
        assertThat(module.name()).isEqualTo("org.mmkit.core");
        assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("org.mmkit.core", "org.mmkit.core.abi");
        assertThat(module.opens()).isEmpty();
        assertThat(module.packages()).as("the model's inside is in the module, unexported")
                .contains("org.mmkit.core.mm", "org.mmkit.core.mem", "org.mmkit.core.pgtable", "org.mmkit.core.vma");
    }

    private static ModuleDescriptor descriptor(Path classes) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in, () -> packagesUnder(classes));
        }
    }

    /** The packages of the module's class files, which javac does not list in module-info.class. */
    private static Set<String> packagesUnder(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && f.getParent() != null && !f.getParent().equals(classes))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
