package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TourOnFakeTest {
    @Test
    void tourPassesOnTheFake() throws Exception {
        Path tour = Path.of("../examples/tour.mms");
        Scenario s = ScenarioParser.parse("tour.mms", Files.readString(tour));
        ScenarioResult r = Runner.run(s, new FakeBackend(), false);
        assertThat(r.problem()).isNull();
    }
}
