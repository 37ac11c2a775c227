package com.atelier.sdk.asset;

import java.time.Instant;

/**
 * Gallery filters and paging for {@code GET /workspaces/{ws}/assets}; null filters are not sent. Start from
 * {@link #all()} and narrow with the {@code with...} methods.
 */
public record AssetQuery(String model, String requester, String state, Instant from, Instant to, String tag,
                         int page, int size) {

    /** The server's page size limit. */
    public static final int MAX_SIZE = 100;

    public AssetQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_SIZE + " (were " + page + ", "
                    + size + ")");
        }
    }

    public static AssetQuery all() {
        return new AssetQuery(null, null, null, null, null, null, 0, 20);
    }

    public AssetQuery withModel(String model) {
        return new AssetQuery(model, requester, state, from, to, tag, page, size);
    }

    public AssetQuery withRequester(String requester) {
        return new AssetQuery(model, requester, state, from, to, tag, page, size);
    }

    public AssetQuery withState(String state) {
        return new AssetQuery(model, requester, state, from, to, tag, page, size);
    }

    /** Created at or after {@code from} and before {@code to}; either may be null. */
    public AssetQuery createdBetween(Instant from, Instant to) {
        return new AssetQuery(model, requester, state, from, to, tag, page, size);
    }

    public AssetQuery withTag(String tag) {
        return new AssetQuery(model, requester, state, from, to, tag, page, size);
    }

    public AssetQuery page(int page, int size) {
        return new AssetQuery(model, requester, state, from, to, tag, page, size);
    }

    public AssetQuery nextPage() {
        return page(page + 1, size);
    }
}
