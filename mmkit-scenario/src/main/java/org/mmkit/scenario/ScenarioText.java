package org.mmkit.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a {@code .mms} file as text: strict UTF-8, so a stray byte is reported with its
 * line and offset instead of being replaced or ending the run with a decoder's bare message.
 */
final class ScenarioText {
    private ScenarioText() {
    }

    /** Decodes {@code bytes}; {@code file} names the scenario in the message of invalid UTF-8. */
    static String decode(String file, byte[] bytes) throws ScenarioSyntaxException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never has more characters than bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new ScenarioSyntaxException(file, lineOf(bytes, at), String.format(
                    "invalid UTF-8: byte 0x%02x at byte offset %d of the file (a scenario is UTF-8 text)",
                    bytes[at] & 0xff, at));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The 1-based line holding byte {@code offset}. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
