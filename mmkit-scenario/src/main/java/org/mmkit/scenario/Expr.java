package org.mmkit.scenario;

import java.util.function.ToLongFunction;

/**
 * An integer expression of a scenario: literals and constants (folded by the parser), names of
 * earlier results, unary {@code - ~} and {@code * + - & |} with C precedence. Arithmetic is 64-bit two's complement,
 * as in the kernel's {@code unsigned long}.
 */
sealed interface Expr {

    /** The value, looking names up in {@code names}. */
    long eval(ToLongFunction<String> names);

    record Literal(long value) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            return value;
        }
    }

    record Name(String name) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            return names.applyAsLong(name);
        }
    }

    /** Unary {@code -} or {@code ~}. */
    record Unary(char op, Expr operand) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            long v = operand.eval(names);
            return op == '~' ? ~v : -v;
        }
    }

    record Binary(char op, Expr left, Expr right) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            long l = left.eval(names);
            long r = right.eval(names);
            return switch (op) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                case '&' -> l & r;
                case '|' -> l | r;
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }
}
