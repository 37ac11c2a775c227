package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.BrandKit;
import com.atelier.governance.policy.BrandPolicies;
import com.atelier.governance.policy.BrandPolicyDraft;
import com.atelier.governance.policy.VersionedBrandPolicy;
import com.atelier.governance.policy.image.PaletteReport;
import com.atelier.governance.policy.prompt.PromptDecision;
import com.atelier.web.security.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /api/v1/workspaces/{ws}/brand-policy: the workspace's brand policy (current version, every version, one version),
 * its replacement by a brand manager ({@code If-Match: "N"} guards against overwriting someone else's edit), and
 * the brand kit's "test this prompt" and "test this image" boxes.
 */
@Path("/workspaces/{ws}/brand-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BrandPolicyResource {

    /** The largest image the test box accepts. */
    static final int MAX_IMAGE_BYTES = 40 * 1024 * 1024;
    private static final Pattern VERSION_TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,9})\"?\\s*");

    private Caller caller;
    private BrandPolicies policies;
    private BrandKit brandKit;

    public BrandPolicyResource() {
        // for CDI proxies
    }

    @Inject
    public BrandPolicyResource(Caller caller, BrandPolicies policies, BrandKit brandKit) {
        this.caller = caller;
        this.policies = policies;
        this.brandKit = brandKit;
    }

    /** A version of the policy; {@code policy} is exactly what PUT accepts. Version 0: none written yet. */
    public record BrandPolicyView(String workspace, int version, Instant createdAt, String createdBy,
                                  BrandPolicyDraft policy) {
        static BrandPolicyView of(VersionedBrandPolicy version) {
            return new BrandPolicyView(version.workspace(), version.version(), version.createdAt().orElse(null),
                    version.createdBy().orElse(null), BrandPolicyDraft.of(version.policy()));
        }
    }

    public record TestPrompt(String prompt, String negativePrompt) {
    }

    /** Every field present, so that the page can bind to a stable shape; rule and message are null when allowed. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TestPromptResult(boolean allowed, String rule, String message, String effectivePrompt) {
        static TestPromptResult of(PromptDecision decision) {
            return new TestPromptResult(decision.allowed(), decision.rule(), decision.message(),
                    decision.effectivePrompt());
        }
    }

    @GET
    public Response current(@PathParam("ws") String workspace) {
        return withTag(Response.ok(), policies.current(caller.actor(), workspace));
    }

    @GET
    @Path("/versions")
    public List<BrandPolicyView> versions(@PathParam("ws") String workspace) {
        return policies.versions(caller.actor(), workspace).stream().map(BrandPolicyView::of).toList();
    }

    @GET
    @Path("/versions/{version}")
    public Response version(@PathParam("ws") String workspace, @PathParam("version") int version) {
        return withTag(Response.ok(), policies.version(caller.actor(), workspace, version));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("ws") String workspace, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            BrandPolicyDraft body) {
        var actor = caller.actor();
        if (body == null) {
            throw new InvalidInputException("body", "Send the whole policy as a JSON object, e.g. {\"competitorMarks\":"
                    + " [\"pepsi\"], \"palette\": [\"#e30613\"]}; fields left out are empty.");
        }
        return withTag(Response.ok(), policies.update(actor, workspace, body, basedOn(ifMatch)));
    }

    @POST
    @Path("/test-prompt")
    @Consumes(MediaType.APPLICATION_JSON)
    public TestPromptResult testPrompt(@PathParam("ws") String workspace, TestPrompt body) {
        var actor = caller.actor();
        if (body == null) {
            throw new InvalidInputException("prompt", "Send {\"prompt\": \"...\", \"negativePrompt\": \"...\"}.");
        }
        return TestPromptResult.of(brandKit.testPrompt(actor, workspace, body.prompt(), body.negativePrompt()));
    }

    @POST
    @Path("/test-image")
    @Consumes("image/png")
    public PaletteReport testImage(@PathParam("ws") String workspace, InputStream body) {
        var actor = caller.actor();
        return brandKit.testImage(actor, workspace, read(body));
    }

    /** The version an {@code If-Match} header names ({@code "3"}, {@code 3} or {@code W/"3"}); none for absent or *. */
    static OptionalInt basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalInt.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidInputException("If-Match", "If-Match names the policy version the edit is based on,"
                    + " as the ETag of GET .../brand-policy gives it, e.g. If-Match: \"3\".");
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(1)));
    }

    private static Response withTag(Response.ResponseBuilder response, VersionedBrandPolicy version) {
        return response.tag(new EntityTag(String.valueOf(version.version()))).entity(BrandPolicyView.of(version))
                .build();
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            throw new InvalidInputException("image", "Send a PNG as the request body (Content-Type: image/png).");
        }
        try (body) {
            byte[] bytes = body.readNBytes(MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw new InvalidInputException("image", "The image is larger than " + MAX_IMAGE_BYTES / (1024 * 1024)
                        + " MiB; send a smaller PNG.");
            }
            if (bytes.length == 0) {
                throw new InvalidInputException("image", "Send a PNG as the request body (Content-Type: image/png).");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
