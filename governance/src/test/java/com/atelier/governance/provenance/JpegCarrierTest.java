package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JpegCarrierTest {

    private final JpegCarrier carrier = new JpegCarrier();

    @Test
    void splitsALargeStoreIntoContiguousApp11SegmentsAfterApp0() throws Exception {
        byte[] image = TestImages.jpeg(32);
        byte[] store = largeStore(150_000);

        byte[] signed = carrier.embed(image, store);

        List<JpegCarrier.Segment> segments = JpegCarrier.headerSegments(signed);
        assertThat(segments.get(0).marker()).as("JFIF APP0 stays first").isEqualTo(0xE0);
        List<JpegCarrier.Segment> app11 = segments.stream().filter(s -> s.marker() == 0xEB).toList();
        assertThat(app11).hasSize(3);
        assertThat(app11.get(0).offset()).isEqualTo(segments.get(0).end());
        for (int i = 0; i < app11.size(); i++) {
            JpegCarrier.Segment segment = app11.get(i);
            byte[] content = segment.content(signed);
            assertThat(segment.length() + 2).as("whole segment fits the 16-bit length").isLessThanOrEqualTo(65_535);
            assertThat(new String(content, 0, 2)).isEqualTo("JP");
            assertThat(ByteBuffer.wrap(content).getInt(4)).as("sequence number Z").isEqualTo(i + 1);
            if (i > 0) {
                assertThat(segment.offset()).as("contiguous").isEqualTo(app11.get(i - 1).end());
                assertThat(Arrays.copyOfRange(content, 8, 16)).as("continuation repeats LBox/TBox")
                        .isEqualTo(Arrays.copyOf(store, 8));
            }
        }
        var found = carrier.find(signed).orElseThrow();
        assertThat(found.store()).isEqualTo(store);
        assertThat(found.start()).isEqualTo(app11.get(0).offset());
        assertThat(found.length()).isEqualTo(carrier.embeddedLength(store.length))
                .isEqualTo(app11.get(2).end() - app11.get(0).offset());
        assertThat(ImageIO.read(new ByteArrayInputStream(signed))).as("still a decodable JPEG").isNotNull();
    }

    @Test
    void removesAnEarlierStore() {
        byte[] image = TestImages.jpeg(32);
        byte[] signed = carrier.embed(image, largeStore(70_000));

        assertThat(carrier.withoutManifest(signed)).isEqualTo(image);
        assertThat(carrier.find(image)).isEmpty();
    }

    /** A manifest store superbox padded with a content box to the given size. */
    private static byte[] largeStore(int size) {
        byte[] filler = new byte[size - 38 - 8];
        new Random(7).nextBytes(filler);
        return Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa", Jumbf.box("free", filler));
    }
}
