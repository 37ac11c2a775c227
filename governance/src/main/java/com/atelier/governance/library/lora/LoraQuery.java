package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;

import java.util.List;
import java.util.Optional;

/** A search of the adapters a workspace can use: by family, by the state of any version, in an order, paged. */
public record LoraQuery(Optional<BaseFamily> family, Optional<LoraState> state, Order order, int page, int size) {

    public static final int MAX_SIZE = 100;

    public enum Order {
        RATING, USAGE, NAME, RECENT;

        public static Order of(String value) {
            for (Order order : values()) {
                if (order.name().equalsIgnoreCase(value)) {
                    return order;
                }
            }
            throw new InvalidInputException("sort", "sort is one of " + List.of("rating", "usage", "name", "recent")
                    + ".");
        }
    }

    public LoraQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "page starts at 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "size is between 1 and " + MAX_SIZE + ".");
        }
    }
}
