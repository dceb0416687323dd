package org.mmkit.scenario;

/**
 * Splits one statement of a scenario into tokens, on demand, so that the parser can read the few
 * context-dependent forms (VMA permissions such as {@code r--p}) straight from the text.
 */
final class Lexer {
    enum Kind { IDENT, NUMBER, STRING, SYMBOL, END }

    /** A token; {@code start} is its offset in the statement text, {@code value} the number or string. */
    record Token(Kind kind, String text, int start, long number, String string) {
        boolean is(String symbolOrWord) {
            return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrWord);
        }

        String describe() {
            return kind == Kind.END ? "end of line" : "'" + text + "'";
        }
    }

    /** Longest symbols first, so that {@code ==} is not read as two {@code =}. */
    private static final String[] SYMBOLS = {
        "==", "!=", "=>", ">=", "..", "(", ")", "{", "}", "[", "]", ",", "=", "+", "-", "*", "|", "&", "~", ".", "@", ":"
    };

    private final String text;
    private int pos;
    private Token peeked;

    Lexer(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    Token peek() throws LexException {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Token next() throws LexException {
        Token t = peek();
        peeked = null;
        return t;
    }

    /** Offset just after the last token taken, i.e. where unread text starts (before blanks). */
    int offset() {
        return peeked == null ? pos : peeked.start();
    }

    /** Reads VMA permissions such as {@code rw-p} or {@code ---s} if they come next, else null. */
    String permissions() {
        if (!atPermissions()) {
            return null;
        }
        int at = skipBlanks(offset());
        peeked = null;
        pos = at + 4;
        return text.substring(at, at + 4);
    }

    /** Whether VMA permissions come next: {@code a+PAGE ---p} must not read as {@code a+PAGE - - -p}. */
    boolean atPermissions() {
        int at = skipBlanks(offset());
        // [r-][w-][x-][ps], checked by hand: this runs before every '-' of every expression
        return at + 4 <= text.length() && isEither(at, 'r') && isEither(at + 1, 'w') && isEither(at + 2, 'x')
                && (text.charAt(at + 3) == 'p' || text.charAt(at + 3) == 's')
                && (at + 4 == text.length() || !isWordChar(text.charAt(at + 4)));
    }

    private boolean isEither(int at, char permission) {
        return text.charAt(at) == permission || text.charAt(at) == '-';
    }

    private Token read() throws LexException {
        pos = skipBlanks(pos);
        int start = pos;
        if (pos == text.length()) {
            return new Token(Kind.END, "", start, 0, null);
        }
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), start, 0, null);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '"') {
            return string(start);
        }
        for (String s : SYMBOLS) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Kind.SYMBOL, s, start, 0, null);
            }
        }
        throw new LexException("unexpected character " + describe(text.codePointAt(pos)));
    }

    /** A character as a reader can see it: {@code '$'}, {@code '\0' (NUL)}, {@code U+FEFF}, {@code 'é' (U+00E9)}. */
    private static String describe(int c) {
        if (c == 0) {
            return "'\\0' (NUL)";
        }
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        if (c < 0xa0) {
            return String.format("'\\x%02x' (a control character)", c);
        }
        String code = String.format("U+%04X", c);
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> code;
            default -> "'" + Character.toString(c) + "' (" + code + ")";
        };
    }

    private Token number(int start) throws LexException {
        boolean hex = text.startsWith("0x", pos) || text.startsWith("0X", pos);
        if (hex) {
            pos += 2;
        }
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            // as in C, a leading 0 makes an octal literal (file modes: 0600)
            boolean octal = !hex && literal.length() > 1 && literal.charAt(0) == '0';
            long value = hex ? Long.parseUnsignedLong(literal.substring(2), 16)
                    : octal ? Long.parseLong(literal.substring(1), 8) : Long.parseLong(literal);
            return new Token(Kind.NUMBER, literal, start, value, null);
        } catch (NumberFormatException e) {
            throw new LexException("bad number '" + literal + "'");
        }
    }

    /** A string in double quotes with C escapes {@code \n \t \0 \\ \" \xNN}. */
    private Token string(int start) throws LexException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new LexException("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Token(Kind.STRING, text.substring(start, pos), start, 0, value.toString());
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new LexException("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case '0' -> value.append('\0');
                case '\\', '"' -> value.append(e);
                case 'x' -> {
                    if (pos + 2 > text.length() || !text.substring(pos, pos + 2).matches("[0-9a-fA-F]{2}")) {
                        throw new LexException("\\x needs two hex digits");
                    }
                    value.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                default -> throw new LexException("unknown escape '\\" + e + "'");
            }
        }
    }

    private int skipBlanks(int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A malformed token; the parser adds the file and line. */
    static final class LexException extends Exception {
        private static final long serialVersionUID = 1L;

        LexException(String message) {
            super(message, null, false, false);
        }
    }
}
