package com.atelier.web.ui;

import jakarta.faces.context.FacesContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The portal addresses pages link to: image previews and exports of the API, the asset page. */
final class Links {

    private Links() {
    }

    static String preview(String workspace, UUID asset) {
        return api("/workspaces/" + encode(workspace) + "/assets/" + asset + "/preview");
    }

    static String export(String workspace, UUID asset) {
        return api("/workspaces/" + encode(workspace) + "/assets/" + asset + "/export");
    }

    static String assetPage(String workspace, String asset) {
        return context() + "/app/asset.xhtml?ws=" + encode(workspace) + "&id=" + encode(asset);
    }

    static String api(String path) {
        return context() + "/api/v1" + path;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String context() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }
}
