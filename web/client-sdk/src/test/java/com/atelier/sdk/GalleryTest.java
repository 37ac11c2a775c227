package com.atelier.sdk;

import com.atelier.sdk.asset.Asset;
import com.atelier.sdk.asset.AssetPage;
import com.atelier.sdk.asset.AssetQuery;
import com.atelier.sdk.generation.GenerationRequest;
import com.atelier.sdk.generation.Job;
import com.atelier.sdk.generation.SubmitMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GalleryTest {

    private static final String WS = FakePortal.WORKSPACE;

    @RegisterExtension
    final FakePortal portal = new FakePortal();

    private AtelierClient atelier;
    private Job job;

    @BeforeEach
    void start() {
        atelier = portal.client().build();
        job = atelier.generations().submit(WS, GenerationRequest.builder().model("sdxl").model("flux2")
                .prompt("a red fox").count(3).build(), SubmitMode.SYNC);
    }

    @Test
    void sendsFiltersAndPagingAsQueryParameters() {
        AssetQuery query = AssetQuery.all().withModel("sdxl").withTag("spring campaign")
                .createdBetween(Instant.parse("2026-01-01T00:00:00Z"), null).page(0, 2);

        AssetPage page = atelier.assets().list(WS, query);

        assertThat(page.items()).hasSize(2).allSatisfy(a -> assertThat(a.model()).isEqualTo("sdxl"));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.hasNext()).isTrue();
        assertThat(portal.requests("GET", "/assets").get(0).query()).containsOnly(
                entry("model", "sdxl"), entry("tag", "spring campaign"),
                entry("from", "2026-01-01T00:00:00Z"), entry("page", "0"),
                entry("size", "2"));
    }

    @Test
    void downloadsAnImageAndChecksItsDigest() {
        Asset asset = job.assetsOf("flux2").get(1);

        assertThat(atelier.assets().content(asset)).isEqualTo(FakePortal.png(asset.id()));
        assertThat(atelier.assets().content(WS, asset.id())).isEqualTo(FakePortal.png(asset.id()));
    }

    @Test
    void refusesContentWhoseDigestDoesNotMatch() {
        Asset asset = job.assets().get(0);
        Asset tampered = new Asset(asset.id(), asset.job(), asset.model(), asset.modelVersion(), asset.position(),
                asset.seed(), asset.state(), null, 1024, 1024, "image/png", "00".repeat(32), asset.requester(),
                asset.createdAt(), asset.tags(), asset.content(), asset.preview());

        assertThatThrownBy(() -> atelier.assets().content(tampered)).isInstanceOf(AtelierException.class)
                .hasMessageContaining("does not match its SHA-256");
    }

    @Test
    void neverSendsTheTokenToAnotherOrigin() {
        Asset asset = job.assets().get(0);
        Asset elsewhere = new Asset(asset.id(), asset.job(), asset.model(), asset.modelVersion(), asset.position(),
                asset.seed(), asset.state(), null, 1024, 1024, "image/png", asset.sha256(), asset.requester(),
                asset.createdAt(), asset.tags(), URI.create("https://images.example.com/" + asset.id()),
                asset.preview());

        assertThatThrownBy(() -> atelier.assets().content(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing to send the API token");
    }

    @Test
    void tagsAnAssetWithATagThatNeedsEncoding() {
        Asset asset = job.assets().get(0);

        Asset tagged = atelier.assets().tag(WS, asset.id(), "spring campaign");

        assertThat(tagged.tags()).containsExactly("spring campaign");
        assertThat(portal.requests("PUT", "/tags/").get(0).path()).endsWith("/tags/spring campaign");
    }
}
