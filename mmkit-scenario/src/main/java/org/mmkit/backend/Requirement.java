package org.mmkit.backend;

/**
 * What a scenario needs from a backend ({@code requires:} lines). {@code kernel} takes a minimum
 * version argument such as {@code 6.15}; the others take none.
 */
public record Requirement(Kind kind, String argument) {
    public enum Kind { ROOT, UFFD, SWAP, HUGETLB, SOFT_DIRTY, ZERO_PAGE, THP, KERNEL }
}
