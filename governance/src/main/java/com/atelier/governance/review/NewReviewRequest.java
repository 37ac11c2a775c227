package com.atelier.governance.review;

import com.atelier.governance.failure.InvalidInputException;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a designer submits for review: a title, an optional due date, the reviewers and the assets. */
public record NewReviewRequest(String title, Optional<LocalDate> dueOn, List<String> reviewers, List<UUID> assets) {

    public static final int MAX_ASSETS = 100;
    public static final int MAX_TITLE = 200;

    public NewReviewRequest {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "A review request needs a title of 1 to " + MAX_TITLE
                    + " characters.");
        }
        title = title.strip();
        dueOn = dueOn == null ? Optional.empty() : dueOn;
        if (reviewers == null || reviewers.isEmpty()) {
            throw new InvalidInputException("reviewers", "Choose at least one reviewer (an art director or brand"
                    + " manager of the workspace).");
        }
        reviewers = List.copyOf(new LinkedHashSet<>(reviewers));
        if (assets == null || assets.isEmpty() || assets.size() > MAX_ASSETS) {
            throw new InvalidInputException("assets", "A review request holds 1 to " + MAX_ASSETS + " assets.");
        }
        assets = List.copyOf(new LinkedHashSet<>(assets));
    }
}
