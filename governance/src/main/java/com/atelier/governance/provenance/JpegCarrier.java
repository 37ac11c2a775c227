package com.atelier.governance.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Carries the manifest store in JPEG APP11 marker segments (JPEG XT box encapsulation, ISO/IEC 19566-5): each segment
 * holds {@code CI="JP"}, a box instance number {@code En}, a sequence number {@code Z}, and continuation segments repeat
 * the store's 8-byte box header. The segments are contiguous and follow the last APP0 (or SOI), as c2pa-rs writes them.
 */
final class JpegCarrier implements ManifestCarrier {

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP11 = 0xEB;
    /** Store bytes per segment: keeps each segment well under the 65,535-byte limit of its length field. */
    static final int STORE_BYTES_PER_SEGMENT = 64_000;
    /** Box instance number shared by all segments of our store; any value works as long as it is the same in each. */
    private static final int BOX_INSTANCE = 0x0211;
    /** Marker, length field, CI, En and Z in front of every segment's data. */
    private static final int SEGMENT_OVERHEAD = 2 + 2 + 2 + 2 + 4;
    private static final int BOX_HEADER = 8;

    @Override
    public String mediaType() {
        return "image/jpeg";
    }

    @Override
    public boolean recognises(byte[] file) {
        return file.length >= 4 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == SOI;
    }

    @Override
    public byte[] withoutManifest(byte[] image) {
        requireJpeg(image);
        Optional<EmbeddedStore> existing = find(image);
        if (existing.isEmpty()) {
            return image;
        }
        int start = (int) existing.get().start();
        int end = start + (int) existing.get().length();
        byte[] out = new byte[image.length - (end - start)];
        System.arraycopy(image, 0, out, 0, start);
        System.arraycopy(image, end, out, start, image.length - end);
        return out;
    }

    @Override
    public int insertionOffset(byte[] image) {
        requireJpeg(image);
        int offset = 2;
        for (Segment segment : headerSegments(image)) {
            if (segment.marker == APP0) {
                offset = segment.end();
            }
        }
        return offset;
    }

    @Override
    public long embeddedLength(int storeLength) {
        int segments = segmentCount(storeLength);
        return storeLength + (long) segments * SEGMENT_OVERHEAD + (long) (segments - 1) * BOX_HEADER;
    }

    @Override
    public byte[] embed(byte[] image, byte[] store) {
        if (store.length < BOX_HEADER) {
            throw new IllegalArgumentException("a manifest store is at least one JUMBF box header long");
        }
        int offset = insertionOffset(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + (int) embeddedLength(store.length));
        out.write(image, 0, offset);
        int segments = segmentCount(store.length);
        for (int sequence = 1; sequence <= segments; sequence++) {
            int from = (sequence - 1) * STORE_BYTES_PER_SEGMENT;
            int to = Math.min(store.length, from + STORE_BYTES_PER_SEGMENT);
            boolean continuation = sequence > 1;
            int contentLength = 2 + 2 + 4 + (continuation ? BOX_HEADER : 0) + (to - from);
            ByteBuffer segment = ByteBuffer.allocate(2 + 2 + contentLength);
            segment.put((byte) 0xFF).put((byte) APP11)
                    .putShort((short) (2 + contentLength))
                    .put((byte) 'J').put((byte) 'P')
                    .putShort((short) BOX_INSTANCE)
                    .putInt(sequence);
            if (continuation) {
                segment.put(store, 0, BOX_HEADER);
            }
            segment.put(store, from, to - from);
            out.writeBytes(segment.array());
        }
        out.write(image, offset, image.length - offset);
        return out.toByteArray();
    }

    @Override
    public Optional<EmbeddedStore> find(byte[] file) {
        if (!recognises(file)) {
            return Optional.empty();
        }
        ByteArrayOutputStream store = null;
        int start = -1;
        int end = -1;
        int instance = -1;
        int expectedSequence = 0;
        for (Segment segment : headerSegments(file)) {
            boolean jumbf = segment.marker == APP11 && segment.contentLength() > 16
                    && file[segment.contentStart()] == 'J' && file[segment.contentStart() + 1] == 'P';
            if (!jumbf) {
                continue;
            }
            int content = segment.contentStart();
            int en = ((file[content + 2] & 0xFF) << 8) | (file[content + 3] & 0xFF);
            int sequence = ByteBuffer.wrap(file).getInt(content + 4);
            if (store != null && en == instance) {
                if (segment.offset != end || sequence != expectedSequence) {
                    throw new MalformedManifestException("the JPEG's C2PA APP11 segments are not contiguous and in order");
                }
                store.write(file, content + 8 + BOX_HEADER, segment.contentLength() - 8 - BOX_HEADER);
                end = segment.end();
                expectedSequence++;
            } else if (segment.contentLength() > 28 && isManifestStoreStart(file, content)) {
                if (store != null) {
                    throw new MalformedManifestException("the JPEG carries more than one C2PA manifest store");
                }
                store = new ByteArrayOutputStream();
                store.write(file, content + 8, segment.contentLength() - 8);
                start = segment.offset;
                end = segment.end();
                instance = en;
                expectedSequence = sequence + 1;
            }
        }
        if (store == null) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedStore(store.toByteArray(), start, end - start));
    }

    /** The first segment of a store: its box's description names the C2PA manifest store content type. */
    private static boolean isManifestStoreStart(byte[] file, int content) {
        return file[content + 24] == 'c' && file[content + 25] == '2' && file[content + 26] == 'p'
                && file[content + 27] == 'a';
    }

    private static int segmentCount(int storeLength) {
        return Math.max(1, (storeLength + STORE_BYTES_PER_SEGMENT - 1) / STORE_BYTES_PER_SEGMENT);
    }

    /** The marker segments before the entropy-coded image data (up to and including SOS). */
    static java.util.List<Segment> headerSegments(byte[] file) {
        java.util.List<Segment> segments = new java.util.ArrayList<>();
        int position = 2;
        while (position + 4 <= file.length) {
            if ((file[position] & 0xFF) != 0xFF) {
                throw new MalformedManifestException("JPEG marker expected at offset " + position);
            }
            int marker = file[position + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                position++;
                continue;
            }
            if (marker == EOI || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                position += 2;
                continue;
            }
            int length = ((file[position + 2] & 0xFF) << 8) | (file[position + 3] & 0xFF);
            if (length < 2 || position + 2 + length > file.length) {
                throw new MalformedManifestException("JPEG segment at offset " + position + " runs past the end");
            }
            Segment segment = new Segment(marker, position, length);
            segments.add(segment);
            position = segment.end();
            if (marker == SOS) {
                break;
            }
        }
        return segments;
    }

    private void requireJpeg(byte[] image) {
        if (!recognises(image)) {
            throw new IllegalArgumentException("not a JPEG: the file does not start with SOI");
        }
    }

    /** A marker segment: marker byte, file offset of its 0xFF, and its length field (which counts itself). */
    record Segment(int marker, int offset, int length) {
        int contentStart() {
            return offset + 4;
        }

        int contentLength() {
            return length - 2;
        }

        int end() {
            return offset + 2 + length;
        }

        byte[] content(byte[] file) {
            return Arrays.copyOfRange(file, contentStart(), end());
        }
    }
}
