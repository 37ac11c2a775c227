package com.atelier.governance.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Carries the manifest store in a PNG {@code caBX} chunk placed right after {@code IHDR}, as the C2PA specification
 * and c2pa-rs do; the chunk is ancillary and private, so every PNG decoder skips it.
 */
final class PngCarrier implements ManifestCarrier {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final String MANIFEST_CHUNK = "caBX";
    /** Length, type and CRC around a chunk's data. */
    private static final int CHUNK_OVERHEAD = 12;

    @Override
    public String mediaType() {
        return "image/png";
    }

    @Override
    public boolean recognises(byte[] file) {
        return file.length >= SIGNATURE.length && Arrays.equals(file, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    @Override
    public byte[] withoutManifest(byte[] image) {
        requirePng(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length);
        out.write(image, 0, SIGNATURE.length);
        int position = SIGNATURE.length;
        while (position < image.length) {
            Chunk chunk = chunkAt(image, position);
            if (!chunk.type.equals(MANIFEST_CHUNK)) {
                out.write(image, position, chunk.totalLength());
            }
            position += chunk.totalLength();
        }
        return out.toByteArray();
    }

    @Override
    public int insertionOffset(byte[] image) {
        requirePng(image);
        Chunk first = chunkAt(image, SIGNATURE.length);
        if (!first.type.equals("IHDR")) {
            throw new IllegalArgumentException("not a PNG: the first chunk is " + first.type + ", not IHDR");
        }
        return SIGNATURE.length + first.totalLength();
    }

    @Override
    public long embeddedLength(int storeLength) {
        return storeLength + (long) CHUNK_OVERHEAD;
    }

    @Override
    public byte[] embed(byte[] image, byte[] store) {
        int offset = insertionOffset(image);
        byte[] chunk = chunk(MANIFEST_CHUNK, store);
        byte[] file = new byte[image.length + chunk.length];
        System.arraycopy(image, 0, file, 0, offset);
        System.arraycopy(chunk, 0, file, offset, chunk.length);
        System.arraycopy(image, offset, file, offset + chunk.length, image.length - offset);
        return file;
    }

    @Override
    public Optional<EmbeddedStore> find(byte[] file) {
        if (!recognises(file)) {
            return Optional.empty();
        }
        int position = SIGNATURE.length;
        EmbeddedStore found = null;
        while (position < file.length) {
            Chunk chunk = chunkAt(file, position);
            if (chunk.type.equals(MANIFEST_CHUNK)) {
                if (found != null) {
                    throw new MalformedManifestException("the PNG carries more than one caBX chunk");
                }
                byte[] store = Arrays.copyOfRange(file, position + 8, position + 8 + chunk.dataLength);
                found = new EmbeddedStore(store, position, chunk.totalLength());
            }
            position += chunk.totalLength();
            if (chunk.type.equals("IEND")) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A whole chunk: length, type, data and the CRC-32 over type and data. */
    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(data.length + CHUNK_OVERHEAD)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
                .array();
    }

    private static Chunk chunkAt(byte[] file, int position) {
        if (file.length - position < CHUNK_OVERHEAD) {
            throw new MalformedManifestException("PNG chunk truncated at offset " + position);
        }
        int dataLength = ByteBuffer.wrap(file).getInt(position);
        if (dataLength < 0 || (long) position + CHUNK_OVERHEAD + dataLength > file.length) {
            throw new MalformedManifestException("PNG chunk at offset " + position + " runs past the end of the file");
        }
        return new Chunk(new String(file, position + 4, 4, StandardCharsets.US_ASCII), dataLength);
    }

    private void requirePng(byte[] image) {
        if (!recognises(image)) {
            throw new IllegalArgumentException("not a PNG: the file does not start with the PNG signature");
        }
    }

    private record Chunk(String type, int dataLength) {
        int totalLength() {
            return dataLength + CHUNK_OVERHEAD;
        }
    }
}
