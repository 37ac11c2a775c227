package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a safetensors file, checked the way the reference implementation checks it: an 8-byte
 * little-endian header length, a UTF-8 JSON header naming each tensor's dtype, shape and byte range, and a data
 * buffer that the ranges cover exactly, without gaps or overlaps. Only the header is parsed; tensor bytes are never
 * interpreted. Every refusal is an {@link InvalidInputException} on field {@code file} with a message a person can
 * act on.
 */
public record SafetensorsFile(long headerLength, long dataLength, List<Tensor> tensors, Map<String, String> metadata) {

    /** The largest header accepted; the reference implementation uses the same bound. */
    public static final long MAX_HEADER = 100_000_000L;
    private static final String FIELD = "file";
    private static final String METADATA = "__metadata__";

    /** One tensor entry of the header; {@code begin} and {@code end} are offsets into the data buffer. */
    public record Tensor(String name, TensorType type, List<Long> shape, long begin, long end) {

        public Tensor {
            shape = List.copyOf(shape);
        }

        public long elements() {
            return shape.stream().reduce(1L, Math::multiplyExact);
        }

        /** The size of dimension {@code i}, counted from the end when negative. */
        public long dim(int i) {
            return shape.get(i < 0 ? shape.size() + i : i);
        }
    }

    public SafetensorsFile {
        tensors = List.copyOf(tensors);
        metadata = Map.copyOf(metadata);
    }

    public static SafetensorsFile parse(byte[] file) {
        if (file.length < 8) {
            throw invalid("not a safetensors file: it is " + file.length + " bytes long, shorter than the 8-byte"
                    + " header length that starts every safetensors file");
        }
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 0 || headerLength > MAX_HEADER) {
            throw invalid("not a safetensors file: header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the limit of " + MAX_HEADER + " bytes");
        }
        if (headerLength > file.length - 8L) {
            throw invalid("not a safetensors file: header length " + headerLength + " exceeds file size "
                    + file.length);
        }
        if (headerLength < 2) {
            throw invalid("not a safetensors file: header length " + headerLength + " is too short for a JSON"
                    + " object");
        }
        String header = utf8(file, (int) headerLength);
        if (header.charAt(0) != '{') {
            throw invalid("not a safetensors file: the header does not start with '{' (a JSON object)");
        }
        JsonObject json = json(header);
        long dataLength = file.length - 8L - headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Tensor> tensors = new ArrayList<>();
        for (var entry : json.entrySet()) {
            if (entry.getKey().equals(METADATA)) {
                metadata.putAll(metadata(entry.getValue()));
            } else {
                tensors.add(tensor(entry.getKey(), entry.getValue(), dataLength));
            }
        }
        if (tensors.isEmpty()) {
            throw invalid("the safetensors header lists no tensors");
        }
        checkContiguous(tensors, dataLength);
        return new SafetensorsFile(headerLength, dataLength, tensors, metadata);
    }

    private static String utf8(byte[] file, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, 8, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("not a safetensors file: the header is not valid UTF-8");
        }
    }

    private static JsonObject json(String header) {
        // A key given twice would let two readers of the same file see different tensors: refuse it.
        var factory = Jsonp.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
        try (JsonReader reader = factory.createReader(new StringReader(header))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw invalid("not a safetensors file: the header is not valid JSON (" + e.getMessage() + ")");
        } catch (JsonException | IllegalStateException e) {
            throw invalid("not a safetensors file: the header is not one JSON object without repeated keys ("
                    + e.getMessage() + ")");
        }
    }

    private static Map<String, String> metadata(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw invalid("__metadata__ must be a JSON object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        object.forEach((key, v) -> {
            if (!(v instanceof JsonString text)) {
                throw invalid("__metadata__." + key + " must be a string, not " + v.getValueType());
            }
            metadata.put(key, text.getString());
        });
        return metadata;
    }

    private static Tensor tensor(String name, JsonValue value, long dataLength) {
        if (!(value instanceof JsonObject entry)) {
            throw invalid("tensor " + name + ": its header entry must be an object with dtype, shape and"
                    + " data_offsets");
        }
        for (String key : entry.keySet()) {
            if (!List.of("dtype", "shape", "data_offsets").contains(key)) {
                throw invalid("tensor " + name + ": unknown header field '" + key + "'");
            }
        }
        if (!(entry.get("dtype") instanceof JsonString dtypeName)) {
            throw invalid("tensor " + name + ": dtype is missing or not a string");
        }
        TensorType type = TensorType.of(dtypeName.getString()).orElseThrow(() -> invalid("tensor " + name
                + ": unknown dtype '" + dtypeName.getString() + "'; known are " + List.of(TensorType.values())));
        List<Long> shape = naturals(name, "shape", entry.get("shape"));
        List<Long> offsets = naturals(name, "data_offsets", entry.get("data_offsets"));
        if (offsets.size() != 2) {
            throw invalid("tensor " + name + ": data_offsets must be [begin, end], not " + offsets);
        }
        long begin = offsets.get(0);
        long end = offsets.get(1);
        if (end < begin) {
            throw invalid("tensor " + name + ": data_offsets " + offsets + " end before they begin");
        }
        if (end > dataLength) {
            throw invalid("tensor " + name + ": data_offsets " + offsets + " reach beyond the data buffer of "
                    + dataLength + " bytes");
        }
        long needed;
        try {
            needed = Math.multiplyExact(shape.stream().reduce(1L, Math::multiplyExact), type.bytes());
        } catch (ArithmeticException e) {
            throw invalid("tensor " + name + ": shape " + shape + " is too large");
        }
        if (needed != end - begin) {
            throw invalid("tensor " + name + ": data_offsets " + offsets + " hold " + (end - begin) + " bytes, but "
                    + type + " x shape " + shape + " needs " + needed + " bytes");
        }
        return new Tensor(name, type, shape, begin, end);
    }

    private static List<Long> naturals(String tensor, String field, JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw invalid("tensor " + tensor + ": " + field + " is missing or not an array");
        }
        List<Long> numbers = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonNumber number) || !number.isIntegral() || number.bigIntegerValue().signum() < 0
                    || number.bigIntegerValue().bitLength() > 62) {
                throw invalid("tensor " + tensor + ": " + field + " must hold non-negative integers, not " + array);
            }
            numbers.add(number.longValue());
        }
        return numbers;
    }

    /** The ranges must tile the data buffer: sorted by begin, each starts where the previous ended. */
    private static void checkContiguous(List<Tensor> tensors, long dataLength) {
        List<Tensor> sorted = tensors.stream()
                .sorted(Comparator.comparingLong(Tensor::begin).thenComparingLong(Tensor::end))
                .toList();
        long expected = 0;
        Tensor previous = null;
        for (Tensor t : sorted) {
            if (t.begin() < expected) {
                throw invalid("tensor " + t.name() + ": data_offsets " + offsets(t) + " overlap tensor "
                        + previous.name() + " " + offsets(previous));
            }
            if (t.begin() > expected) {
                throw invalid("tensor " + t.name() + ": data_offsets " + offsets(t) + " leave a gap of "
                        + (t.begin() - expected) + " bytes " + (previous == null ? "at the start of the data buffer"
                        : "after tensor " + previous.name() + " " + offsets(previous)));
            }
            expected = t.end();
            previous = t;
        }
        if (expected != dataLength) {
            throw invalid("the data buffer has " + (dataLength - expected) + " bytes after the last tensor that the"
                    + " header does not describe");
        }
    }

    private static String offsets(Tensor t) {
        return "[" + t.begin() + ", " + t.end() + "]";
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
