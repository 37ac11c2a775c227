package com.atelier.governance.library.prompt;

import com.atelier.governance.failure.InvalidInputException;

import java.util.List;
import java.util.Optional;

/** A search of a workspace's prompt templates: words in the name or text, a tag, an order and a page. */
public record PromptTemplateQuery(Optional<String> text, Optional<String> tag, Order order, int page, int size) {

    public static final int MAX_SIZE = 100;

    /** usage: most used first; recent: most recently edited first; name: alphabetical. */
    public enum Order {
        USAGE, RECENT, NAME;

        public static Order of(String value) {
            for (Order order : values()) {
                if (order.name().equalsIgnoreCase(value)) {
                    return order;
                }
            }
            throw new InvalidInputException("sort", "sort is one of " + List.of("usage", "recent", "name") + ".");
        }
    }

    public PromptTemplateQuery {
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        tag = tag.map(String::strip).filter(t -> !t.isEmpty());
        if (text.map(String::length).orElse(0) > 200) {
            throw new InvalidInputException("q", "A search is at most 200 characters.");
        }
        if (page < 0) {
            throw new InvalidInputException("page", "page starts at 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "size is between 1 and " + MAX_SIZE + ".");
        }
    }
}
