package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsFileTest {

    private static void refused(byte[] file, String... message) {
        assertThatThrownBy(() -> SafetensorsFile.parse(file)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void readsTensorsAndMetadataOfAWrittenFile() {
        byte[] file = new SafetensorsWriter().metadata("ss_network_dim", "4")
                .bf16("a.lora_down.weight", new long[]{4, 8}, new float[32])
                .f32Scalar("a.alpha", 4f)
                .toBytes();

        SafetensorsFile parsed = SafetensorsFile.parse(file);

        assertThat(parsed.headerLength() % 8).isZero();
        assertThat(parsed.metadata()).containsEntry("ss_network_dim", "4");
        assertThat(parsed.tensors()).extracting(SafetensorsFile.Tensor::name)
                .containsExactly("a.lora_down.weight", "a.alpha");
        assertThat(parsed.tensors().get(0).shape()).containsExactly(4L, 8L);
        assertThat(parsed.tensors().get(1).shape()).isEmpty();
        assertThat(parsed.dataLength()).isEqualTo(64 + 4);
    }

    @Test
    void refusesFilesTooShortForAHeaderLength() {
        refused(new byte[5], "not a safetensors file", "5 bytes long");
    }

    @Test
    void refusesAHeaderLengthBeyondTheFile() {
        byte[] file = ByteBuffer.allocate(100).order(ByteOrder.LITTLE_ENDIAN).putLong(12345678).array();

        refused(file, "not a safetensors file: header length 12345678 exceeds file size 100");
    }

    @Test
    void refusesAHeaderLengthBeyondTheLimitEvenWhenNegativeAsSigned() {
        refused(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(200_000_000L).array(),
                "header length 200000000 exceeds the limit of 100000000 bytes");
        refused(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array(),
                "header length 18446744073709551615 exceeds the limit");
    }

    @Test
    void refusesHeadersThatAreNotUtf8JsonObjects() {
        byte[] notUtf8 = LoraFiles.raw("{\"a\":1}", 0);
        notUtf8[10] = (byte) 0xC3;
        notUtf8[11] = (byte) 0x28;
        refused(notUtf8, "not valid UTF-8");
        refused(LoraFiles.raw("[1, 2]", 0), "does not start with '{'");
        refused(LoraFiles.raw("{\"a\": ", 0), "not valid JSON");
        refused(LoraFiles.raw("{}", 0), "lists no tensors");
    }

    @Test
    void refusesARepeatedTensorName() {
        String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";

        refused(LoraFiles.raw("{\"t\":" + entry + ",\"t\":" + entry + "}", 4), "Duplicate key 't'");
    }

    @Test
    void refusesUnknownDtypesAndMalformedEntries() {
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F12\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2),
                "tensor t: unknown dtype 'F12'", "BF16");
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F16\",\"shape\":[-1],\"data_offsets\":[0,2]}}", 2),
                "tensor t: shape must hold non-negative integers");
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0]}}", 2),
                "data_offsets must be [begin, end]");
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F16\",\"shape\":[1]}}", 2), "data_offsets is missing");
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2],\"x\":1}}", 2),
                "unknown header field 'x'");
        refused(LoraFiles.raw("{\"__metadata__\":{\"a\":1},\"t\":{\"dtype\":\"F16\",\"shape\":[1],"
                + "\"data_offsets\":[0,2]}}", 2), "__metadata__.a must be a string");
    }

    @Test
    void refusesOffsetsThatDisagreeWithDtypeAndShape() {
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,6]}}", 6),
                "tensor t: data_offsets [0, 6] hold 6 bytes, but F16 x shape [2, 3] needs 12 bytes");
    }

    @Test
    void refusesOffsetsBeyondTheBuffer() {
        refused(LoraFiles.raw("{\"t\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8),
                "tensor t: data_offsets [0, 16] reach beyond the data buffer of 8 bytes");
    }

    @Test
    void refusesOverlappingTensors() {
        refused(LoraFiles.raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
                "tensor b: data_offsets [4, 12] overlap tensor a [0, 8]");
    }

    @Test
    void refusesGapsAndUndescribedTrailingBytes() {
        refused(LoraFiles.raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
                "tensor a: data_offsets [4, 8] leave a gap of 4 bytes at the start");
        refused(LoraFiles.raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 12),
                "8 bytes after the last tensor");
    }

    @Test
    void acceptsHeaderPaddingAndTensorsListedOutOfOrder() {
        String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"U8\",\"shape\":[2,2],\"data_offsets\":[0,4]}}   ";

        assertThat(SafetensorsFile.parse(LoraFiles.raw(header, 8)).tensors()).hasSize(2);
    }
}
