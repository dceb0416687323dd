package org.mmkit.scenario;

import java.util.List;

/**
 * What running one scenario on one backend produced.
 *
 * @param transcript the printed lines (backend-independent when the backends agree)
 * @param sources    for each transcript line, the scenario line whose step printed it (0 for none)
 * @param problem    for FAILED the first failure ({@code file:line: ...}), for SKIPPED the reason, else null
 */
public record ScenarioResult(String file, Status status, List<String> transcript, List<Integer> sources,
        String problem) {
    public enum Status { PASSED, FAILED, SKIPPED }

    public ScenarioResult {
        transcript = List.copyOf(transcript);
        sources = List.copyOf(sources);
        if (sources.size() != transcript.size()) {
            throw new IllegalArgumentException("one source line per transcript line");
        }
    }
}
