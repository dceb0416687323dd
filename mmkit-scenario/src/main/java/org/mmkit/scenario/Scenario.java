package org.mmkit.scenario;

import java.util.List;
import org.mmkit.backend.Requirement;

/**
 * A parsed {@code .mms} file.
 *
 * @param file         the name used in messages ({@code file.mms:12: ...})
 * @param requirements what a backend must offer, from {@code requires:} lines
 * @param divergence   why the model is known to differ from the kernel here, or null
 * @param steps        the lines to run, in order
 */
public record Scenario(String file, List<Requirement> requirements, String divergence, List<Step> steps) {
    public Scenario {
        requirements = List.copyOf(requirements);
        steps = List.copyOf(steps);
    }
}
