package com.atelier.inference.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorCodecTest {

    @Test
    void bytesElementsCarryFourByteLittleEndianLengthPrefixes() {
        ByteString raw = TensorCodec.encodeStrings(List.of("ab", ""));

        assertThat(raw.toByteArray()).containsExactly(2, 0, 0, 0, 'a', 'b', 0, 0, 0, 0);
        assertThat(TensorCodec.decodeBytes(raw)).extracting(ByteString::toStringUtf8).containsExactly("ab", "");
    }

    @Test
    void rejectsBytesElementThatOverrunsTheTensor() {
        ByteString truncated = ByteString.copyFrom(new byte[] {9, 0, 0, 0, 'x'});

        assertThatThrownBy(() -> TensorCodec.decodeBytes(truncated)).hasMessageContaining("overruns");
    }

    @Test
    void numbersAreLittleEndianAndRoundTrip() {
        assertThat(TensorCodec.encodeInt64(1L).toByteArray()).containsExactly(1, 0, 0, 0, 0, 0, 0, 0);
        assertThat(TensorCodec.decodeInt64(TensorCodec.encodeInt64(-5L, Long.MAX_VALUE))).containsExactly(-5L, Long.MAX_VALUE);
        assertThat(TensorCodec.decodeFp32(TensorCodec.encodeFp32(7.5f, -0.25f))).containsExactly(7.5f, -0.25f);
        assertThat(TensorCodec.decodeFp16(TensorCodec.encodeFp16((short) 0x3c00))).containsExactly((short) 0x3c00);
    }

    @Test
    void rawTensorRefusesBytesThatDoNotFitTheShape() {
        assertThatThrownBy(() -> RawTensor.fp32("GUIDANCE", List.of(1L, 2L), 1f))
                .hasMessageContaining("needs 8 bytes, got 4");
    }

    @Test
    void halfPrecisionConvertsExactValuesAndRoundsToNearestEven() {
        assertThat(Half.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Half.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(Half.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Half.fromFloat(1e6f)).isEqualTo((short) 0x7c00);
        assertThat(Half.toFloat(Half.fromFloat(0.333f))).isCloseTo(0.333f, org.assertj.core.data.Offset.offset(0.0005f));
        assertThat(Half.toFloat(Half.fromFloat(6e-8f))).isEqualTo(0x1p-24f);
        for (int channel = 0; channel <= 255; channel++) {
            assertThat(Math.round(Half.toFloat(Half.fromFloat(channel / 255f)) * 255)).isEqualTo(channel);
        }
    }
}
