package com.atelier.governance.asset;

import com.atelier.governance.failure.InvalidInputException;

import java.time.Instant;
import java.util.Optional;

/** Filters and paging for the asset gallery; every filter is optional. {@code to} is exclusive. */
public record AssetQuery(Optional<String> model, Optional<String> requester, Optional<AssetState> state,
                         Optional<Instant> from, Optional<Instant> to, Optional<String> tag, int page, int size) {

    public static final int MAX_SIZE = 100;

    public AssetQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "page starts at 0 (was " + page + ").");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "size must be between 1 and " + MAX_SIZE + " (was " + size + ").");
        }
    }
}
