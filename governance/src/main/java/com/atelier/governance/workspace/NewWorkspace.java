package com.atelier.governance.workspace;

import com.atelier.governance.failure.InvalidInputException;

import java.util.regex.Pattern;

/**
 * What an admin asks for when creating a workspace. The slug appears in URLs and API paths, so it is short,
 * lower-case and stable. A null daily image quota means the portal default.
 */
public record NewWorkspace(String slug, String name, String description, Integer dailyImageQuota) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?");

    public NewWorkspace {
        if (slug == null || slug.isBlank()) {
            throw new InvalidInputException("slug", "A workspace needs a slug (its short name in URLs).");
        }
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "The slug '" + abbreviate(slug) + "' is not valid: use 1 to 48"
                    + " lower-case letters, digits and inner hyphens, e.g. 'spring-campaign'.");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "A workspace needs a name.");
        }
        name = name.strip();
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "The name is " + name.length() + " characters long; the limit is "
                    + MAX_NAME + ".");
        }
        if (dailyImageQuota != null && dailyImageQuota < 0) {
            throw new InvalidInputException("dailyImageQuota", "The daily image quota cannot be negative.");
        }
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "The description is " + description.length()
                    + " characters long; the limit is " + MAX_DESCRIPTION + ".");
        }
    }

    public NewWorkspace(String slug, String name, String description) {
        this(slug, name, description, null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
