package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JumbfTest {

    @Test
    void superboxStartsWithDescriptionOfTypeAndLabel() {
        byte[] box = Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa");

        ByteBuffer buffer = ByteBuffer.wrap(box);
        assertThat(buffer.getInt(0)).isEqualTo(box.length);
        assertThat(new String(box, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("jumb");
        assertThat(buffer.getInt(8)).isEqualTo(box.length - 8);
        assertThat(new String(box, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("jumd");
        assertThat(HexFormat.of().formatHex(box, 16, 32)).isEqualTo("6332706100110010800000aa00389b71");
        assertThat(box[32]).as("toggles: requestable, label present").isEqualTo((byte) 0x03);
        assertThat(new String(box, 33, 4, StandardCharsets.UTF_8)).isEqualTo("c2pa");
        assertThat(box[37]).as("label is null-terminated").isZero();
        assertThat(box).hasSize(38);
    }

    @Test
    void assertionBoxHoldsItsContentInACborOrJsonBox() {
        byte[] cbor = Assertion.cbor("c2pa.actions.v2", new byte[]{(byte) 0xA0}).box();
        byte[] json = Assertion.json("com.atelier.generation", "{}".getBytes(StandardCharsets.UTF_8)).box();

        JumbfBox cborBox = JumbfBox.read(cbor);
        assertThat(cborBox.contentType()).isEqualTo(Jumbf.ContentType.CBOR);
        assertThat(cborBox.label()).isEqualTo("c2pa.actions.v2");
        assertThat(cborBox.children()).extracting(JumbfBox::type).containsExactly("cbor");
        assertThat(cborBox.content()).containsExactly(0xA0);
        JumbfBox jsonBox = JumbfBox.read(json);
        assertThat(jsonBox.contentType()).isEqualTo(Jumbf.ContentType.JSON);
        assertThat(jsonBox.children()).extracting(JumbfBox::type).containsExactly("json");
        assertThat(new String(jsonBox.content(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void assertionHashCoversTheSuperboxContentsWithoutItsHeader() {
        byte[] box = Assertion.cbor("c2pa.hash.data", new byte[]{(byte) 0xA0}).box();

        byte[] payload = JumbfBox.read(box).payload();
        assertThat(payload).isEqualTo(Arrays.copyOfRange(box, 8, box.length));
        assertThat(ManifestSigner.contentHash(box)).isEqualTo(ManifestSigner.sha256(payload));
    }

    @Test
    void readsNestedSuperboxesBackByLabel() {
        byte[] store = Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa",
                Jumbf.superbox(Jumbf.ContentType.MANIFEST, "urn:c2pa:1",
                        Jumbf.superbox(Jumbf.ContentType.ASSERTION_STORE, "c2pa.assertions",
                                Assertion.cbor("c2pa.actions.v2", new byte[]{(byte) 0xA0}).box())));

        JumbfBox root = JumbfBox.read(store);
        JumbfBox manifest = root.child("urn:c2pa:1").orElseThrow();
        assertThat(manifest.contentType()).isEqualTo(Jumbf.ContentType.MANIFEST);
        assertThat(JumbfUri.resolve("self#jumbf=c2pa.assertions/c2pa.actions.v2", root, manifest)).isPresent();
        assertThat(JumbfUri.resolve("self#jumbf=/c2pa/urn:c2pa:1/c2pa.assertions/c2pa.actions.v2", root, manifest))
                .isPresent();
        assertThat(JumbfUri.resolve("self#jumbf=c2pa.assertions/c2pa.missing", root, manifest)).isEmpty();
    }

    @Test
    void refusesABoxThatClaimsMoreBytesThanThereAre() {
        byte[] box = Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa");
        ByteBuffer.wrap(box).putInt(0, box.length + 100);

        assertThatThrownBy(() -> JumbfBox.read(box)).isInstanceOf(MalformedManifestException.class);
    }
}
