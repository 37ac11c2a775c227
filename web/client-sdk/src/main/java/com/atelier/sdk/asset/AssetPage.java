package com.atelier.sdk.asset;

import java.util.List;

/** One page of a gallery query; {@code page} counts from 0 and {@code total} is over all pages. */
public record AssetPage(List<Asset> items, int page, int size, long total) {

    public AssetPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
