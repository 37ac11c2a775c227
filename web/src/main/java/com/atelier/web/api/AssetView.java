package com.atelier.web.api;

import com.atelier.governance.asset.Asset;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * An asset in API responses, with the URLs of its image: {@code content} is the full-resolution file (served once
 * the asset is APPROVED), {@code preview} the working copy of at most 512 pixels served in every state.
 */
public record AssetView(String id, String job, String model, String modelVersion, int position, long seed,
                        String state, String blockedReason, int width, int height, String mediaType,
                        String sha256, String requester, Instant createdAt, Set<String> tags, URI content,
                        URI preview, String derivedFrom, String operation) {

    static AssetView of(Asset asset, URI apiBase) {
        String slug = asset.workspace().slug();
        return new AssetView(asset.id().toString(), asset.jobId().toString(), asset.model(), asset.modelVersion(),
                asset.position(), asset.seed(), asset.state().name(), asset.blockedReason().orElse(null),
                asset.width(), asset.height(), asset.mediaType(), asset.contentHash(), asset.requester(),
                asset.createdAt(), asset.tags(),
                apiBase.resolve("workspaces/" + slug + "/assets/" + asset.id() + "/content"),
                apiBase.resolve("workspaces/" + slug + "/assets/" + asset.id() + "/preview"),
                asset.derivedFrom().map(Object::toString).orElse(null), asset.operation().orElse(null));
    }
}
