package org.mmkit.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mmkit.core.Uapi;

/**
 * The executor's C source and {@link LinuxProtocol} define the same wire protocol: the C request
 * enum {@code op} is LinuxProtocol's {@code OP_*}, the reply enum {@code status} ({@code ST_*}) is
 * its {@code STATUS_*}, and the constants both define (frame sizes, limits, the page size) are
 * equal. The tables are read from the source, so an op added on one side only fails here.
 */
class ProtocolAgreementTest {
    private static final Path EXECUTOR_SOURCE = Path.of("src/main/c/mmkit-executor.c");
    private static final Pattern ENUM_ENTRY = Pattern.compile("^\\s*(\\w+)\\s*=\\s*(\\w+)\\s*,", Pattern.MULTILINE);
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(.+?)\\s*$", Pattern.MULTILINE);

    private final String source;

    ProtocolAgreementTest() throws IOException {
        source = Files.readString(EXECUTOR_SOURCE);
    }

    @Test
    void requestOpsAgree() throws IllegalAccessException {
        assertThat(cEnum("op")).isNotEmpty().isEqualTo(javaConstants("OP_", "OP_"));
    }

    @Test
    void replyStatusesAgree() throws IllegalAccessException {
        assertThat(cEnum("status")).isNotEmpty().isEqualTo(javaConstants("STATUS_", "ST_"));
    }

    @Test
    void constantsOfTheSameNameAgree() throws IllegalAccessException {
        Map<String, Long> shared = new TreeMap<>();
        javaConstants("", "").forEach((name, value) -> {
            if (!name.startsWith("OP_") && !name.startsWith("STATUS_") && hasDefine(name)) {
                shared.put(name, value);
            }
        });
        assertThat(shared).as("header sizes, the transfer limit...").isNotEmpty();
        shared.forEach((name, value) -> assertThat(cDefine(name)).as(name).isEqualTo(value));
    }

    @Test
    void constantsNamedDifferentlyAgree() {
        assertThat(cDefine("TOKEN_BYTES")).isEqualTo(LinuxProtocol.TOKEN_CHARS);
        assertThat(cDefine("PAGE_BYTES")).as("the one page size of the Java side").isEqualTo(Uapi.PAGE_SIZE);
    }

    /** {@code enum NAME { A = 1, B = 2, };} of the C source, as name to value. */
    private Map<String, Long> cEnum(String name) {
        Matcher body = Pattern.compile("enum\\s+" + name + "\\s*\\{(.*?)\\};", Pattern.DOTALL).matcher(source);
        assertThat(body.find()).as("enum %s in %s", name, EXECUTOR_SOURCE).isTrue();
        Map<String, Long> entries = new TreeMap<>();
        Matcher entry = ENUM_ENTRY.matcher(body.group(1));
        while (entry.find()) {
            entries.put(entry.group(1), Long.decode(entry.group(2)));
        }
        return entries;
    }

    /** LinuxProtocol's int constants starting with {@code prefix}, renamed to the C prefix. */
    private static Map<String, Long> javaConstants(String prefix, String cPrefix) throws IllegalAccessException {
        Map<String, Long> constants = new TreeMap<>();
        for (Field f : LinuxProtocol.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && f.getName().startsWith(prefix)) {
                constants.put(cPrefix + f.getName().substring(prefix.length()), (long) f.getInt(null));
            }
        }
        return constants;
    }

    private boolean hasDefine(String name) {
        Matcher m = DEFINE.matcher(source);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The value of a {@code #define}: a number, another define, or those joined by {@code <<}, {@code +}, {@code *}. */
    private long cDefine(String name) {
        Matcher m = DEFINE.matcher(source);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return evaluate(m.group(2).replaceAll("/\\*.*?\\*/", "").trim());
            }
        }
        throw new AssertionError("no #define " + name + " in " + EXECUTOR_SOURCE);
    }

    private long evaluate(String expr) {
        String e = expr.startsWith("(") && expr.endsWith(")") ? expr.substring(1, expr.length() - 1).trim() : expr;
        for (String op : new String[] {"+", "<<", "*"}) {
            int at = e.lastIndexOf(op);
            if (at > 0) {
                long left = evaluate(e.substring(0, at).trim());
                long right = evaluate(e.substring(at + op.length()).trim());
                return switch (op) {
                    case "+" -> left + right;
                    case "<<" -> left << right;
                    default -> left * right;
                };
            }
        }
        if (e.matches("\\w+") && !Character.isDigit(e.charAt(0))) {
            return cDefine(e);
        }
        return Long.decode(e.replaceAll("[uUlL]+$", ""));
    }
}
