package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.training.ReferenceImage;
import com.atelier.governance.library.training.TrainingParameters;
import com.atelier.governance.library.training.TrainingRuns;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * LoRA training runs: {@code POST /workspaces/{ws}/loras/{id}/training-runs} as {@code multipart/form-data} with 10
 * to 30 parts named {@code image} (PNG or JPEG files) and the fields {@code triggerWord}, {@code rank} (16, 32,
 * 64), {@code steps} and {@code learningRate} (low, medium, high); {@code GET /workspaces/{ws}/training-runs/{id}}
 * follows one.
 */
@Path("/workspaces/{ws}/training-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrainingRunResource {

    private static final List<String> FIELDS = List.of("triggerWord", "rank", "steps", "learningRate");

    private Caller caller;
    private TrainingRuns runs;

    public TrainingRunResource() {
        // for CDI proxies
    }

    @Inject
    public TrainingRunResource(Caller caller, TrainingRuns runs) {
        this.caller = caller;
        this.runs = runs;
    }

    /** Starts a run for the adapter named by {@code ?lora=} (its id). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response start(@PathParam("ws") String workspace, @QueryParam("lora") Long adapterId,
                          List<EntityPart> parts, @Context UriInfo uri) {
        if (adapterId == null) {
            throw new InvalidInputException("lora", "Name the LoRA adapter to train: ?lora=<adapter id>.");
        }
        List<byte[]> images = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
            if (part.getName().equals("image")) {
                if (images.size() >= ReferenceImage.MAX_IMAGES) {
                    throw new InvalidInputException("images", "At most " + ReferenceImage.MAX_IMAGES
                            + " reference images per run.");
                }
                images.add(read(part, ReferenceImage.MAX_BYTES, "images[" + images.size() + "]"));
            } else if (FIELDS.contains(part.getName())) {
                fields.put(part.getName(), new String(read(part, 1000, part.getName()), StandardCharsets.UTF_8)
                        .strip());
            } else {
                throw new InvalidInputException(part.getName(), "Unknown part '" + part.getName() + "'; send parts"
                        + " named image, " + String.join(", ", FIELDS) + ".");
            }
        }
        TrainingParameters parameters = new TrainingParameters(number(fields, "rank", 32), number(fields, "steps",
                1500), TrainingParameters.LearningRate.of(fields.getOrDefault("learningRate", "medium")),
                fields.get("triggerWord"));
        var run = runs.start(caller.actor(), workspace, adapterId, parameters, images);
        TrainingRunView view = TrainingRunView.of(run, workspace, uri.getBaseUri());
        return Response.accepted(view).location(view.self()).build();
    }

    @GET
    @Path("/{id}")
    public TrainingRunView run(@PathParam("ws") String workspace, @PathParam("id") UUID id, @Context UriInfo uri) {
        return TrainingRunView.of(runs.run(caller.actor(), workspace, id), workspace, uri.getBaseUri());
    }

    private static int number(Map<String, String> fields, String name, int fallback) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " is a whole number (was '" + value + "').");
        }
    }

    private static byte[] read(EntityPart part, int limit, String field) {
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new InvalidInputException(field, "This part is larger than " + limit + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
