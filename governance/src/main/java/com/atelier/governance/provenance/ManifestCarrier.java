package com.atelier.governance.provenance;

import java.util.Optional;

/**
 * How one image format carries a C2PA manifest store: where it goes, how many file bytes it takes, and how to find it
 * again. The hard binding excludes exactly those file bytes from the image hash.
 */
interface ManifestCarrier {

    String mediaType();

    boolean recognises(byte[] file);

    /** The image with any manifest store it already carries removed, so re-signing replaces rather than adds. */
    byte[] withoutManifest(byte[] image);

    /** The file offset at which {@link #embed} will insert the store. */
    int insertionOffset(byte[] image);

    /** The number of file bytes a store of {@code storeLength} bytes takes once embedded (headers included). */
    long embeddedLength(int storeLength);

    /** The image with the store inserted at {@link #insertionOffset}. */
    byte[] embed(byte[] image, byte[] store);

    /** The store the file carries and the file bytes it occupies, if any. */
    Optional<EmbeddedStore> find(byte[] file);

    /** A manifest store found in a file, and the range of file bytes that carry it. */
    record EmbeddedStore(byte[] store, long start, long length) {
    }
}
