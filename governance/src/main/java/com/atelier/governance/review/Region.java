package com.atelier.governance.review;

import com.atelier.governance.failure.InvalidInputException;

/**
 * The part of an image a comment points at, as fractions of the image's width and height (0..1), so that the
 * same annotation fits the preview and the full-resolution image.
 */
public record Region(float x, float y, float width, float height) {

    public Region {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1.0001f && y + height <= 1.0001f)) {
            throw new InvalidInputException("region", "A region is x, y, width, height as fractions of the image"
                    + " (0..1), with a positive size, inside the image.");
        }
    }
}
