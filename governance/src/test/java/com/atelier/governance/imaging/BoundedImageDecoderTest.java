package com.atelier.governance.imaging;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class BoundedImageDecoderTest {

    private static final ImageLimits LIMITS = new ImageLimits(1024 * 1024, 8, 4096, 4096L * 4096,
            ImageLimits.PNG_OR_JPEG);

    static byte[] encode(int width, int height, String format) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xE30613);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /**
     * A PNG of a few dozen bytes that declares a {@code width} × {@code height} canvas (with valid CRCs): decoding
     * it would allocate the whole canvas before finding out the data is missing.
     */
    public static byte[] declaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void chunk(ByteBuffer png, String type, byte[] data) {
        png.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        png.putInt((int) crc.getValue());
    }

    private static String fieldOf(Throwable e) {
        return ((InvalidInputException) e).field();
    }

    @Test
    void decodesAPngAndAJpegWithinTheLimits() throws IOException {
        DecodedImage png = BoundedImageDecoder.decode("file", encode(64, 32, "png"), LIMITS);
        DecodedImage jpeg = BoundedImageDecoder.decode("file", encode(40, 40, "jpeg"), LIMITS);

        assertThat(png.format()).isEqualTo("png");
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.pixels().getWidth()).isEqualTo(64);
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.height()).isEqualTo(40);
    }

    @Test
    void aSmallFileDeclaringAHugeCanvasIsRefusedFromItsHeader() {
        byte[] bomb = declaring(16_000, 16_000);
        assertThat(bomb.length).isLessThan(100);

        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", bomb, LIMITS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("16000x16000")
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("file"));
        // within the side limit, over the pixel budget
        var wide = new ImageLimits(1024, 1, 20_000, 10_000_000, ImageLimits.PNG_OR_JPEG);
        assertThatThrownBy(() -> BoundedImageDecoder.decode("logo", declaring(16_000, 16_000), wide))
                .hasMessageContaining("more than the 10000000 pixels allowed");
    }

    @Test
    void inspectingReadsTheDeclaredSizeWithoutDecoding() {
        var roomy = new ImageLimits(1024, 1, 20_000, 400_000_000, ImageLimits.PNG_OR_JPEG);

        DecodedImage header = BoundedImageDecoder.inspect("images[0]", declaring(16_000, 16_000), roomy);

        assertThat(header.width()).isEqualTo(16_000);
        assertThat(header.pixels()).isNull();
    }

    @Test
    void whatIsNotAnAcceptedImageIsRefusedNamingTheField() throws IOException {
        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", "<svg/>".getBytes(), LIMITS))
                .hasMessageContaining("Not an image").satisfies(e -> assertThat(fieldOf(e)).isEqualTo("file"));
        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", encode(16, 16, "gif"), LIMITS))
                .hasMessageContaining("gif; send PNG or JPEG");
        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", new byte[0], LIMITS))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", encode(4, 4, "png"), LIMITS))
                .hasMessageContaining("between 8 and 4096");
        var tiny = new ImageLimits(20, 1, 4096, 4096L * 4096, List.of("png"));
        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", encode(64, 64, "png"), tiny))
                .hasMessageContaining("the limit is 20");
    }

    @Test
    void aTruncatedImageIsRefusedNotThrownAsAServerError() throws IOException {
        byte[] png = encode(64, 64, "png");
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> BoundedImageDecoder.decode("file", truncated, LIMITS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be decoded");
    }
}
