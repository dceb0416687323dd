package org.mmkit.scenario;

import java.util.List;
import org.mmkit.core.abi.Field;

/**
 * The value of a C object written in a scenario, as in strace: an expression for a scalar,
 * {@code {member=value, ...}} for a struct or union. Members not written are zero when stored and
 * not checked when expected.
 */
sealed interface Initializer {

    /** The value of a scalar. */
    record Scalar(Expr value) implements Initializer {
    }

    /** Some members of a struct or union, in the order written. */
    record Members(List<Member> members) implements Initializer {
        public Members {
            members = List.copyOf(members);
        }
    }

    /**
     * {@code [{start, end, categories}, ...]}: the {@code struct page_region}s PAGEMAP_SCAN is
     * expected to write into its vector ({@code vec=[...]} after the result); the runner reads
     * them from the vector and compares them.
     */
    record Regions(List<Region> regions) implements Initializer {
        public Regions {
            regions = List.copyOf(regions);
        }
    }

    /** One expected {@code {start, end, categories}}. */
    record Region(Expr start, Expr end, Expr categories) {
    }

    /** One {@code name=value} of a literal; {@code field} gives its offset and type. */
    record Member(Field field, Initializer value) {
    }
}
