package com.atelier.it;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates a fresh workspace through the API, as the admin would, with members; tests never share one by accident. */
final class TestWorkspaces {

    private TestWorkspaces() {
    }

    /** A new workspace named {@code prefix-xxxxxxxx} whose member {@code designer} holds the designer role. */
    static String withDesigner(String prefix, String name) {
        return create(prefix, name, "");
    }

    /** As {@link #withDesigner(String, String)}, with a daily image quota. */
    static String withDesignerAndQuota(String prefix, String name, int dailyImageQuota) {
        return create(prefix, name, ",\"dailyImageQuota\":" + dailyImageQuota);
    }

    private static String create(String prefix, String name, String moreFields) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = ApiClient.as("admin");
        assertThat(admin.post("/workspaces", "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\"" + moreFields + "}")
                .status()).isEqualTo(201);
        assertThat(admin.put("/workspaces/" + slug + "/members/designer", "{\"role\":\"designer\"}").status())
                .isEqualTo(200);
        return slug;
    }
}
