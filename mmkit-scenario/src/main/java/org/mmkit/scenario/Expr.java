package org.mmkit.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.mmkit.core.abi.CType;

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

    /**
     * A string literal as a system call argument, as in C: its value is the address of its bytes,
     * NUL-terminated, in the calling process's memory, where the runner places them
     * ({@link Runner}); the parser allows it only as a whole argument. Literals joined by
     * {@code +} with integer expressions make one string, each expression written in decimal when
     * the call is made ({@code "/proc/" + pid(child) + "/pagemap"}): {@code texts} holds the
     * literal bytes before, between and after the {@code numbers}, one more than there are numbers.
     */
    record CString(List<byte[]> texts, List<Expr> numbers) implements Expr {
        /** The longest decimal a number can take: {@code -9223372036854775808}. */
        static final int MAX_NUMBER_BYTES = 20;

        public CString {
            if (texts.size() != numbers.size() + 1) {
                throw new IllegalArgumentException(texts.size() + " texts around " + numbers.size() + " numbers");
            }
            texts = List.copyOf(texts);
            numbers = List.copyOf(numbers);
        }

        /** One literal. */
        static CString of(byte[] bytes) {
            return new CString(List.of(bytes), List.of());
        }

        /** The bytes, each number in decimal, looking names up in {@code names}. */
        byte[] bytes(ToLongFunction<String> names) {
            return join(number -> Long.toString(number.eval(names)));
        }

        /**
         * The bytes with every number written as {@code 1}: the shape of a path with the pid of a
         * process in it, for the checks made when the scenario is read.
         */
        byte[] shape() {
            return join(number -> "1");
        }

        /** The most bytes the string can take, without its NUL. */
        int maxLength() {
            return texts.stream().mapToInt(t -> t.length).sum() + numbers.size() * MAX_NUMBER_BYTES;
        }

        private byte[] join(Function<Expr, String> decimal) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < texts.size(); i++) {
                if (i > 0) {
                    out.writeBytes(decimal.apply(numbers.get(i - 1)).getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes(texts.get(i));
            }
            return out.toByteArray();
        }

        @Override
        public long eval(ToLongFunction<String> names) {
            throw new IllegalStateException("a string argument has an address only once the runner placed it");
        }
    }

    /**
     * A C object as a system call argument ({@code ioctl(u, UFFDIO_COPY, {dst=a, ...})}): like a
     * {@link CString}, its value is the address where the runner placed its bytes.
     */
    record CObject(CType type, Initializer value) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            throw new IllegalStateException("an object argument has an address only once the runner placed it");
        }
    }

    record Name(String name) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            return names.applyAsLong(name);
        }
    }

    /**
     * {@code pid(PROCESS)}: the process's id on the backend running the scenario. It is looked
     * up like a name, under {@link #key}, which no name can be since names hold no parentheses.
     */
    record ProcessId(String process) implements Expr {
        /** The key {@code names} resolves to the pid of {@code process}. */
        static String key(String process) {
            return "pid(" + process + ")";
        }

        /** The process a {@link #key} names, or null when {@code name} is a plain name. */
        static String processOf(String name) {
            return name.startsWith("pid(") && name.endsWith(")") ? name.substring(4, name.length() - 1) : null;
        }

        @Override
        public long eval(ToLongFunction<String> names) {
            return names.applyAsLong(key(process));
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

    /**
     * {@code left op right}. The parser groups a chain to the left ({@code a+0+0+…} is a tree as
     * deep as the chain is long), so the left spine is walked in a loop: evaluation recurses only
     * into right operands, whose depth the parser bounds.
     */
    record Binary(char op, Expr left, Expr right) implements Expr {
        @Override
        public long eval(ToLongFunction<String> names) {
            Deque<Binary> spine = new ArrayDeque<>();
            Expr leftmost = this;
            while (leftmost instanceof Binary b) {
                spine.push(b);
                leftmost = b.left;
            }
            long value = leftmost.eval(names);
            while (!spine.isEmpty()) {
                Binary b = spine.pop();
                value = b.apply(value, b.right.eval(names));
            }
            return value;
        }

        private long apply(long l, long r) {
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
