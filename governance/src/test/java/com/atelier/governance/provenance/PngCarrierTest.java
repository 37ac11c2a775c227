package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class PngCarrierTest {

    private final PngCarrier carrier = new PngCarrier();

    @Test
    void insertsCaBXRightAfterIhdrWithACorrectCrc() throws Exception {
        byte[] image = TestImages.png(32);
        byte[] store = Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa");

        byte[] signed = carrier.embed(image, store);

        List<String> order = chunkTypes(signed);
        assertThat(order.get(0)).isEqualTo("IHDR");
        assertThat(order.get(1)).isEqualTo("caBX");
        assertThat(order.get(order.size() - 1)).isEqualTo("IEND");
        int at = carrier.insertionOffset(image);
        assertThat(at).isEqualTo(33);
        ByteBuffer buffer = ByteBuffer.wrap(signed);
        assertThat(buffer.getInt(at)).isEqualTo(store.length);
        CRC32 crc = new CRC32();
        crc.update(signed, at + 4, 4 + store.length);
        assertThat(buffer.getInt(at + 8 + store.length)).isEqualTo((int) crc.getValue());
        assertThat(ImageIO.read(new ByteArrayInputStream(signed))).as("still a decodable PNG").isNotNull();
    }

    @Test
    void findsTheStoreAndTheExactBytesItOccupies() {
        byte[] image = TestImages.png(32);
        byte[] store = Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa");

        var found = carrier.find(carrier.embed(image, store)).orElseThrow();

        assertThat(found.store()).isEqualTo(store);
        assertThat(found.start()).isEqualTo(33);
        assertThat(found.length()).isEqualTo(carrier.embeddedLength(store.length)).isEqualTo(store.length + 12);
    }

    @Test
    void replacesAnEarlierStoreInsteadOfAddingASecond() {
        byte[] image = TestImages.png(32);
        byte[] once = carrier.embed(image, Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa"));

        assertThat(carrier.withoutManifest(once)).isEqualTo(image);
        assertThat(carrier.find(image)).isEmpty();
    }

    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        int position = 8;
        while (position < png.length) {
            int length = buffer.getInt(position);
            types.add(new String(png, position + 4, 4, StandardCharsets.US_ASCII));
            position += length + 12;
        }
        return types;
    }
}
