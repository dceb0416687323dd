package org.mmkit.scenario;

/** A scenario file is not valid; the message reads {@code file.mms:12: what is wrong}. */
public final class ScenarioSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ScenarioSyntaxException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem, null, false, false);
        this.line = line;
    }

    /** The 1-based line that is not valid. */
    public int line() {
        return line;
    }
}
