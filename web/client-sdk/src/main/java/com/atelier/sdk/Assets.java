package com.atelier.sdk;

import com.atelier.sdk.asset.Asset;
import com.atelier.sdk.asset.AssetPage;
import com.atelier.sdk.asset.AssetQuery;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The workspace gallery: queries, image bytes and tags ({@code /workspaces/{ws}/assets}). */
public final class Assets {

    private static final String IMAGE = "image/*, application/problem+json";

    private final ApiExchange api;

    Assets(ApiExchange api) {
        this.api = api;
    }

    public AssetPage list(String workspace, AssetQuery query) {
        return api.call(api.request(assets(workspace) + queryString(query)).GET(), AssetPage.class);
    }

    /**
     * The full-resolution image bytes from the asset's {@code content} URL (the portal serves them once the asset
     * is APPROVED and answers 409 before), checked against the asset's SHA-256 so that a
     * truncated or altered download is an error rather than a broken file in a pipeline.
     */
    public byte[] content(Asset asset) {
        byte[] bytes = api.send(api.at(asset.content()).header("Accept", IMAGE).GET()).body();
        if (asset.sha256() != null && !asset.sha256().equalsIgnoreCase(sha256(bytes))) {
            throw new AtelierException("The content of asset " + asset.id() + " does not match its SHA-256 "
                    + asset.sha256() + " (" + bytes.length + " bytes received)");
        }
        return bytes;
    }

    /** The working copy (at most 512 pixels), available in every state, unlike {@link #content(Asset)}. */
    public byte[] preview(Asset asset) {
        return api.send(api.at(asset.preview()).header("Accept", IMAGE).GET()).body();
    }

    /** The image bytes of an asset known only by id. */
    public byte[] content(String workspace, String assetId) {
        return api.send(api.request(asset(workspace, assetId) + "/content").header("Accept", IMAGE).GET()).body();
    }

    /** Adds a tag (adding one that is already there changes nothing, so this call is safe to retry). */
    public Asset tag(String workspace, String assetId, String tag) {
        var put = api.request(asset(workspace, assetId) + "/tags/" + ApiExchange.segment(tag))
                .PUT(HttpRequest.BodyPublishers.noBody());
        return api.call(put, Asset.class);
    }

    private static String assets(String workspace) {
        return "workspaces/" + ApiExchange.segment(workspace) + "/assets";
    }

    private static String asset(String workspace, String assetId) {
        return assets(workspace) + "/" + ApiExchange.segment(assetId);
    }

    private static String queryString(AssetQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", query.model());
        parameters.put("requester", query.requester());
        parameters.put("state", query.state());
        parameters.put("from", query.from());
        parameters.put("to", query.to());
        parameters.put("tag", query.tag());
        parameters.put("page", query.page());
        parameters.put("size", query.size());
        return parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
