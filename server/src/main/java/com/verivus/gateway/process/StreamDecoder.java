package com.verivus.gateway.process;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * UTF-8 text of one output stream, chunk by chunk: a character split across two reads is decoded whole
 * (its first bytes wait for the rest), malformed input becomes U+FFFD. Holds only the decoder and at
 * most three carried bytes between chunks, so thousands of streams cost little.
 */
final class StreamDecoder {

    private static final byte[] NOTHING = new byte[0];

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] carry = NOTHING;

    /** Decodes {@code length} bytes (after any carried ones) and hands the text to {@code sink}. */
    void decode(byte[] bytes, int length, Consumer<CharBuffer> sink) {
        ByteBuffer in;
        if (carry.length == 0) {
            in = ByteBuffer.wrap(bytes, 0, length);
        } else {
            in = ByteBuffer.allocate(carry.length + length).put(carry).put(bytes, 0, length).flip();
        }
        run(in, false, sink);
        carry = in.hasRemaining() ? copy(in) : NOTHING;
    }

    /** The end of the stream: whatever was carried (an incomplete character becomes U+FFFD). */
    void finish(Consumer<CharBuffer> sink) {
        run(ByteBuffer.wrap(carry), true, sink);
        carry = NOTHING;
        CharBuffer out = CharBuffer.allocate(4);
        decoder.flush(out);
        emit(out, sink);
    }

    private void run(ByteBuffer in, boolean endOfInput, Consumer<CharBuffer> sink) {
        // UTF-8 never yields more chars than bytes; the loop only guards that assumption
        CharBuffer out = CharBuffer.allocate(Math.max(4, in.remaining()));
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfInput);
            emit(out, sink);
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private static void emit(CharBuffer out, Consumer<CharBuffer> sink) {
        out.flip();
        if (out.hasRemaining()) {
            sink.accept(out);
        }
        out.clear();
    }

    private static byte[] copy(ByteBuffer in) {
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        return rest;
    }
}
