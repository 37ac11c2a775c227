package com.atelier.governance.library.lora;

import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes safetensors files: tensors in the order added, the header padded with spaces to a multiple of 8 bytes as
 * the reference implementation does. Used by the procedural training backend and by tests.
 */
public final class SafetensorsWriter {

    private record Entry(String name, TensorType type, long[] shape, byte[] data) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Adds a tensor; {@code data} must hold exactly the tensor's bytes, little-endian. */
    public SafetensorsWriter tensor(String name, TensorType type, long[] shape, byte[] data) {
        long elements = 1;
        for (long d : shape) {
            elements = Math.multiplyExact(elements, d);
        }
        if (elements * type.bytes() != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " bytes for " + elements + " " + type);
        }
        entries.add(new Entry(name, type, shape.clone(), data.clone()));
        return this;
    }

    /** Adds a BF16 tensor from float values (rounded toward zero to bfloat16). */
    public SafetensorsWriter bf16(String name, long[] shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putShort((short) (Float.floatToIntBits(v) >>> 16));
        }
        return tensor(name, TensorType.BF16, shape, buffer.array());
    }

    /** Adds a scalar F32 tensor, e.g. a LoRA's {@code alpha}. */
    public SafetensorsWriter f32Scalar(String name, float value) {
        return tensor(name, TensorType.F32, new long[0],
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
    }

    public byte[] toBytes() {
        JsonObjectBuilder header = Jsonp.createObjectBuilder();
        if (!metadata.isEmpty()) {
            JsonObjectBuilder meta = Jsonp.createObjectBuilder();
            metadata.forEach(meta::add);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Entry e : entries) {
            JsonArrayBuilder shape = Jsonp.createArrayBuilder();
            for (long d : e.shape()) {
                shape.add(d);
            }
            header.add(e.name(), Jsonp.createObjectBuilder()
                    .add("dtype", e.type().name())
                    .add("shape", shape)
                    .add("data_offsets", Jsonp.createArrayBuilder().add(offset).add(offset + e.data().length)));
            offset += e.data().length;
        }
        byte[] json = header.build().toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + padded + (int) offset);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.writeBytes(json);
        out.writeBytes(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
        entries.forEach(e -> out.writeBytes(e.data()));
        return out.toByteArray();
    }
}
