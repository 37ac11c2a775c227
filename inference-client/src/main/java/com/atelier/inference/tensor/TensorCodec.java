package com.atelier.inference.tensor;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the raw tensor layout of KServe v2 over gRPC: little-endian, row-major, and for
 * BYTES a 4-byte little-endian length before each element.
 */
public final class TensorCodec {

    private TensorCodec() {
    }

    public static ByteString encodeStrings(List<String> elements) {
        return encodeBytes(elements.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }

    public static ByteString encodeBytes(List<byte[]> elements) {
        int size = 0;
        for (byte[] element : elements) {
            size += Integer.BYTES + element.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] element : elements) {
            buffer.putInt(element.length).put(element);
        }
        return ByteString.copyFrom(buffer.flip());
    }

    /** Splits a BYTES tensor without copying the elements. */
    public static List<ByteString> decodeBytes(ByteString raw) {
        ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<ByteString> elements = new ArrayList<>();
        int offset = 0;
        while (offset < raw.size()) {
            if (raw.size() - offset < Integer.BYTES) {
                throw new IllegalArgumentException("BYTES tensor truncated in a length prefix at byte " + offset);
            }
            int length = buffer.getInt(offset);
            offset += Integer.BYTES;
            if (length < 0 || length > raw.size() - offset) {
                throw new IllegalArgumentException("BYTES element of length " + length + " overruns the tensor at byte " + offset);
            }
            elements.add(raw.substring(offset, offset + length));
            offset += length;
        }
        return elements;
    }

    public static ByteString encodeInt64(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return ByteString.copyFrom(buffer);
    }

    public static long[] decodeInt64(ByteString raw) {
        long[] values = new long[raw.size() / Long.BYTES];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    public static ByteString encodeFp32(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return ByteString.copyFrom(buffer);
    }

    public static float[] decodeFp32(ByteString raw) {
        float[] values = new float[raw.size() / Float.BYTES];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    public static ByteString encodeFp16(short... halves) {
        ByteBuffer buffer = ByteBuffer.allocate(halves.length * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(halves);
        return ByteString.copyFrom(buffer);
    }

    public static short[] decodeFp16(ByteString raw) {
        short[] halves = new short[raw.size() / Short.BYTES];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(halves);
        return halves;
    }
}
