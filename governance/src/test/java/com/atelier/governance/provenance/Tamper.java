package com.atelier.governance.provenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Changes signed files the way an attacker (or a careless tool) would. */
final class Tamper {

    private Tamper() {
    }

    /** Flips one byte in the middle of the first IDAT chunk and fixes its CRC, so the PNG stays well-formed. */
    static byte[] flipPixelByteInIdat(byte[] png) {
        byte[] copy = png.clone();
        int position = 8;
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        while (position < copy.length) {
            int length = buffer.getInt(position);
            String type = new String(copy, position + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                copy[position + 8 + length / 2] ^= 0x01;
                CRC32 crc = new CRC32();
                crc.update(copy, position + 4, 4 + length);
                buffer.putInt(position + 8 + length, (int) crc.getValue());
                return copy;
            }
            position += length + 12;
        }
        throw new IllegalArgumentException("no IDAT chunk");
    }

    /** Flips one byte of entropy-coded image data, well after the marker segments. */
    static byte[] flipScanByte(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        int index = copy.length - 40;
        copy[index] = (byte) (copy[index] == 0x10 ? 0x11 : 0x10); // never creates a 0xFF marker byte
        return copy;
    }

    /** Changes one byte inside the named assertion's content, in place in the embedded store. */
    static byte[] changeAssertion(byte[] file, String label, String from, String to) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int assertion = text.indexOf(label + "\0");
        int at = text.indexOf(from, assertion);
        if (assertion < 0 || at < 0 || from.length() != to.length()) {
            throw new IllegalArgumentException("cannot find '" + from + "' in " + label);
        }
        byte[] copy = file.clone();
        System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, copy, at, to.length());
        return copy;
    }
}
