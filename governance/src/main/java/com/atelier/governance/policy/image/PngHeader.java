package com.atelier.governance.policy.image;

import java.util.Optional;

/** The size a PNG declares in its IHDR chunk, read without decoding any pixels. */
public record PngHeader(int width, int height) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Whether the bytes start with the 8-byte PNG signature. */
    public static boolean hasSignature(byte[] data) {
        if (data == null || data.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (data[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The header, when the data is a PNG whose first chunk is a well-formed IHDR. */
    public static Optional<PngHeader> read(byte[] data) {
        if (!hasSignature(data) || data.length < 33 || readInt(data, 8) != 13
                || data[12] != 'I' || data[13] != 'H' || data[14] != 'D' || data[15] != 'R') {
            return Optional.empty();
        }
        int width = readInt(data, 16);
        int height = readInt(data, 20);
        return width > 0 && height > 0 ? Optional.of(new PngHeader(width, height)) : Optional.empty();
    }

    /** A big-endian 32-bit integer, as PNG writes lengths, types and sizes. */
    static int readInt(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                | (data[at + 3] & 0xFF);
    }
}
