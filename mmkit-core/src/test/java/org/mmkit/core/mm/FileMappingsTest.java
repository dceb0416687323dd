package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The i_mmap index against a list scanned in full, over random inserts, removals and queries. */
class FileMappingsTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void overlappingMatchesAFullScan(long seed) {
        Random random = new Random(seed);
        FileMappings index = new FileMappings();
        List<Vma> all = new ArrayList<>();
        for (int op = 0; op < 2000; op++) {
            if (all.isEmpty() || random.nextInt(3) > 0) {
                long pgoff = random.nextInt(200);
                long pages = 1 + (random.nextInt(10) == 0 ? random.nextInt(150) : random.nextInt(8));
                Vma vma = new Vma(null, pgoff << 12, (pgoff + pages) << 12, 0, pgoff, null);
                index.insert(vma);
                all.add(vma);
            } else {
                index.remove(all.remove(random.nextInt(all.size())));
            }
            long first = random.nextInt(220);
            long last = first + random.nextInt(20);
            List<Vma> expected = all.stream().filter(v -> v.pgoff <= last && v.pgoff + v.pages() > first).toList();
            assertThat(index.overlapping(first, last)).as("seed %d op %d [%d, %d]", seed, op, first, last)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(index.size()).isEqualTo(all.size());
        }
        Vma stranger = new Vma(null, 0, 4096, 0, 0, null);
        assertThat(index.contains(stranger)).isFalse();
        assertThatThrownBy(() -> index.remove(stranger)).hasMessageContaining("not a mapping of this file");
    }
}
