package com.atelier.web.api;

import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.ProvenanceCheck;
import com.atelier.governance.provenance.SigningKeys;
import com.atelier.governance.provenance.ProvenanceReport;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** /api/v1/provenance/verify: compliance staff check any PNG or JPEG's Content Credentials. */
@Path("/provenance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceResource {

    private Caller caller;
    private ProvenanceCheck check;
    private SigningKeys keys;

    public ProvenanceResource() {
        // for CDI proxies
    }

    @Inject
    public ProvenanceResource(Caller caller, ProvenanceCheck check, SigningKeys keys) {
        this.caller = caller;
        this.check = check;
        this.keys = keys;
    }

    public record HistoryLine(Instant occurredAt, String actor, String action, String summary) {
    }

    public record Verdict(String verdict, boolean manifestPresent, boolean signatureValid, boolean chainTrusted,
                          boolean hardBindingIntact, boolean assertionsIntact, String activeManifest, String signer,
                          Map<String, Object> generation, List<String> problems, AssetView asset, boolean exactCopy,
                          List<HistoryLine> history) {
    }

    @POST
    @Path("/verify")
    @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    public Verdict verify(byte[] file, @Context UriInfo uri) {
        var finding = check.verify(caller.actor(), file);
        ProvenanceReport r = finding.report();
        return new Verdict(r.verdict().name(), r.manifestPresent(), r.signatureValid(), r.chainTrusted(),
                r.hardBindingIntact(), r.assertionsIntact(), r.activeManifest().orElse(null), r.signer().orElse(null),
                r.generation(), r.problems(), finding.asset().map(a -> AssetView.of(a, uri.getBaseUri())).orElse(null),
                finding.exactCopy(), finding.history().stream()
                .map(e -> new HistoryLine(e.occurredAt(), e.actor(), e.action(), e.summary())).toList());
    }

    /** The certificate that signs now (admins and compliance). */
    @GET
    @Path("/signing-key")
    public SigningKeys.ActiveKey signingKey() {
        var actor = caller.actor();
        if (!actor.can(Permission.MANAGE_WORKSPACES)) {
            actor.require(Permission.VERIFY_PROVENANCE, "see the signing key");
        }
        return keys.active();
    }

    /**
     * Rotates the signing key (admins): the body is a PKCS#12 keystore encrypted with the configured keystore
     * password, holding the key under {@code alias} (default {@code atelier-signing}) with its chain.
     */
    @POST
    @Path("/signing-key")
    @Consumes({"application/x-pkcs12", MediaType.APPLICATION_OCTET_STREAM})
    public SigningKeys.ActiveKey rotate(byte[] keystore, @QueryParam("alias") String alias) {
        return keys.rotate(caller.actor(), keystore, alias);
    }
}
