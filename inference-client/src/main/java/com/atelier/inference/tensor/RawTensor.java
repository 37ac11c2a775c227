package com.atelier.inference.tensor;

import com.atelier.inference.contract.TensorType;
import com.google.protobuf.ByteString;
import java.util.List;

/**
 * One tensor as it travels in raw_input_contents / raw_output_contents: name, type, shape and the
 * row-major little-endian bytes. The factories check that the bytes fit the shape.
 */
public record RawTensor(String name, TensorType type, List<Long> shape, ByteString data) {

    public RawTensor {
        shape = List.copyOf(shape);
        if (type != TensorType.BYTES) {
            long expected = elementCount(shape) * type.elementBytes();
            if (expected != data.size()) {
                throw new IllegalArgumentException("Tensor " + name + " " + type + shape + " needs " + expected
                        + " bytes, got " + data.size());
            }
        }
    }

    public static RawTensor bytes(String name, List<Long> shape, List<byte[]> elements) {
        return new RawTensor(name, TensorType.BYTES, shape, TensorCodec.encodeBytes(elements));
    }

    public static RawTensor strings(String name, List<Long> shape, List<String> elements) {
        return new RawTensor(name, TensorType.BYTES, shape, TensorCodec.encodeStrings(elements));
    }

    public static RawTensor int64(String name, List<Long> shape, long... values) {
        return new RawTensor(name, TensorType.INT64, shape, TensorCodec.encodeInt64(values));
    }

    public static RawTensor fp32(String name, List<Long> shape, float... values) {
        return new RawTensor(name, TensorType.FP32, shape, TensorCodec.encodeFp32(values));
    }

    /** An HWC image of 8-bit channels; {@code pixels} is already in row-major HWC order. */
    public static RawTensor uint8Image(String name, List<Long> shape, byte[] pixels) {
        return new RawTensor(name, TensorType.UINT8, shape, ByteString.copyFrom(pixels));
    }

    /** An FP16 tensor from half-precision bit patterns (see {@link Half}). */
    public static RawTensor fp16(String name, List<Long> shape, short[] halves) {
        return new RawTensor(name, TensorType.FP16, shape, TensorCodec.encodeFp16(halves));
    }

    public List<ByteString> asBytesElements() {
        requireType(TensorType.BYTES);
        return TensorCodec.decodeBytes(data);
    }

    public long[] asInt64() {
        requireType(TensorType.INT64);
        return TensorCodec.decodeInt64(data);
    }

    public float[] asFp32() {
        requireType(TensorType.FP32);
        return TensorCodec.decodeFp32(data);
    }

    public short[] asFp16() {
        requireType(TensorType.FP16);
        return TensorCodec.decodeFp16(data);
    }

    public static long elementCount(List<Long> shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("A concrete tensor shape has no variable dimension: " + shape);
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    private void requireType(TensorType expected) {
        if (type != expected) {
            throw new IllegalStateException("Tensor " + name + " is " + type + ", not " + expected);
        }
    }
}
