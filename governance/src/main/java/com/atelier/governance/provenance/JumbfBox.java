package com.atelier.governance.provenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A box read from JUMBF bytes: a view on the bytes it was read from, so hashes can be computed over exactly the bytes
 * that were signed. Superboxes expose their description (content type, label) and children.
 */
record JumbfBox(String type, byte[] source, int offset, int length, int headerLength) {

    /** Reads the single top-level box at the start of {@code bytes}. */
    static JumbfBox read(byte[] bytes) {
        return at(bytes, 0, bytes.length);
    }

    private static JumbfBox at(byte[] source, int offset, int limit) {
        if (limit - offset < 8) {
            throw new MalformedManifestException("JUMBF box header truncated at offset " + offset);
        }
        ByteBuffer buffer = ByteBuffer.wrap(source);
        long length = Integer.toUnsignedLong(buffer.getInt(offset));
        String type = new String(source, offset + 4, 4, StandardCharsets.US_ASCII);
        int headerLength = 8;
        if (length == 1) { // 64-bit XLBox follows the type
            if (limit - offset < 16) {
                throw new MalformedManifestException("JUMBF extended box header truncated at offset " + offset);
            }
            length = buffer.getLong(offset + 8);
            headerLength = 16;
        } else if (length == 0) { // box runs to the end of its container
            length = limit - offset;
        }
        if (length < headerLength || offset + length > limit) {
            throw new MalformedManifestException("JUMBF box '" + type + "' at offset " + offset + " claims "
                    + length + " bytes but only " + (limit - offset) + " remain");
        }
        return new JumbfBox(type, source, offset, (int) length, headerLength);
    }

    boolean superbox() {
        return Jumbf.SUPERBOX.equals(type);
    }

    /** The box without its header: what C2PA hashes for assertions, manifests and signatures. */
    byte[] payload() {
        return Arrays.copyOfRange(source, offset + headerLength, offset + length);
    }

    /** The whole box, header included. */
    byte[] bytes() {
        return Arrays.copyOfRange(source, offset, offset + length);
    }

    /** The boxes inside this one (for a superbox: the description box first). */
    List<JumbfBox> boxes() {
        List<JumbfBox> boxes = new ArrayList<>();
        int position = offset + headerLength;
        int end = offset + length;
        while (position < end) {
            JumbfBox box = at(source, position, end);
            boxes.add(box);
            position += box.length;
        }
        return boxes;
    }

    /** The children after the description box. */
    List<JumbfBox> children() {
        List<JumbfBox> boxes = boxes();
        return boxes.isEmpty() ? boxes : boxes.subList(1, boxes.size());
    }

    private JumbfBox descriptionBox() {
        if (!superbox()) {
            throw new MalformedManifestException("'" + type + "' is not a JUMBF superbox");
        }
        List<JumbfBox> boxes = boxes();
        if (boxes.isEmpty() || !Jumbf.DESCRIPTION.equals(boxes.get(0).type)) {
            throw new MalformedManifestException("JUMBF superbox without a description box");
        }
        return boxes.get(0);
    }

    /** The content type named by the description box, or null for a type C2PA does not define. */
    Jumbf.ContentType contentType() {
        byte[] description = descriptionBox().payload();
        if (description.length < 17) {
            throw new MalformedManifestException("JUMBF description box too short");
        }
        return Jumbf.ContentType.of(Arrays.copyOf(description, 16));
    }

    String label() {
        byte[] description = descriptionBox().payload();
        if (description.length < 17 || (description[16] & 0x02) == 0) {
            return "";
        }
        int end = 17;
        while (end < description.length && description[end] != 0) {
            end++;
        }
        return new String(description, 17, end - 17, StandardCharsets.UTF_8);
    }

    Optional<JumbfBox> child(String label) {
        return children().stream().filter(JumbfBox::superbox).filter(b -> b.label().equals(label)).findFirst();
    }

    /** The first child superbox of the given content type. */
    Optional<JumbfBox> child(Jumbf.ContentType contentType) {
        return children().stream().filter(JumbfBox::superbox).filter(b -> b.contentType() == contentType)
                .findFirst();
    }

    /** The payload of the first content box (a {@code cbor} or {@code json} box) of this superbox. */
    byte[] content() {
        return children().stream().filter(b -> !b.superbox()).findFirst()
                .orElseThrow(() -> new MalformedManifestException("superbox '" + label() + "' has no content box"))
                .payload();
    }
}
