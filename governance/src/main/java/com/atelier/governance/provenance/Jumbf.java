package com.atelier.governance.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Writes JUMBF boxes (ISO/IEC 19566-5) the way C2PA lays out a manifest store: every superbox ({@code jumb}) starts
 * with a description box ({@code jumd}) naming its content type and label, then its content boxes.
 */
final class Jumbf {

    /** Content types of C2PA superboxes: four ASCII characters followed by the ISO suffix every C2PA UUID shares. */
    enum ContentType {
        MANIFEST_STORE("c2pa"),
        MANIFEST("c2ma"),
        ASSERTION_STORE("c2as"),
        CLAIM("c2cl"),
        SIGNATURE("c2cs"),
        CBOR("cbor"),
        JSON("json");

        private static final byte[] ISO_SUFFIX = HexFormat.of().parseHex("00110010800000AA00389B71");

        private final String code;

        ContentType(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        byte[] uuid() {
            byte[] uuid = new byte[16];
            System.arraycopy(code.getBytes(StandardCharsets.US_ASCII), 0, uuid, 0, 4);
            System.arraycopy(ISO_SUFFIX, 0, uuid, 4, 12);
            return uuid;
        }

        static ContentType of(byte[] uuid) {
            String code = new String(uuid, 0, 4, StandardCharsets.US_ASCII);
            for (ContentType type : values()) {
                if (type.code.equals(code)) {
                    return type;
                }
            }
            return null;
        }
    }

    static final String SUPERBOX = "jumb";
    static final String DESCRIPTION = "jumd";
    /** Description toggles: requestable (bit 0) and label present (bit 1); c2pa-rs writes and expects exactly these. */
    private static final int TOGGLES_REQUESTABLE_WITH_LABEL = 0x03;

    private Jumbf() {
    }

    /** A plain box: 4-byte big-endian length (header included), 4-character type, payload. */
    static byte[] box(String type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + payload.length);
        writeInt(out, 8 + payload.length);
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** A superbox whose description carries {@code type} and {@code label}, followed by the given child boxes. */
    static byte[] superbox(ContentType type, String label, byte[]... children) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(description(type, label));
        for (byte[] child : children) {
            payload.writeBytes(child);
        }
        return box(SUPERBOX, payload.toByteArray());
    }

    static byte[] description(ContentType type, String label) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(type.uuid());
        payload.write(TOGGLES_REQUESTABLE_WITH_LABEL);
        payload.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        payload.write(0); // labels are null-terminated
        return box(DESCRIPTION, payload.toByteArray());
    }

    /** An assertion: a superbox labelled like the assertion holding one {@code cbor} or {@code json} content box. */
    static byte[] assertion(Assertion assertion) {
        ContentType type = assertion.json() ? ContentType.JSON : ContentType.CBOR;
        return superbox(type, assertion.label(), box(type.code(), assertion.content()));
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
