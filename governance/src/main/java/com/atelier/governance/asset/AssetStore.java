package com.atelier.governance.asset;

import java.util.Optional;

/**
 * Where image bytes live, addressed by their SHA-256 so that storing the same image twice (a redelivered job)
 * keeps one copy. A port: integrations stores on disk now, S3-compatible storage later.
 */
public interface AssetStore {

    /** Stores the bytes and returns their SHA-256 in hex. */
    String put(byte[] bytes);

    Optional<byte[]> get(String contentHash);
}
