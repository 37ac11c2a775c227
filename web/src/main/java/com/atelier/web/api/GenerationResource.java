package com.atelier.web.api;

import com.atelier.governance.access.Actor;
import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.generation.GenerationDesk;
import com.atelier.governance.generation.GenerationJob;
import com.atelier.governance.generation.JobCompletions;
import com.atelier.governance.generation.JobFinished;
import com.atelier.governance.generation.JobState;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * /api/v1/workspaces/{ws}/generations: submit (async by default, {@code ?mode=sync} waits for the images up to a
 * deadline), follow and cancel generation jobs. An {@code Idempotency-Key} header makes a retried POST return the
 * job the first one created.
 */
@Path("/workspaces/{ws}/generations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {

    static final Duration SYNC_DEADLINE = Duration.ofSeconds(60);
    /** How often a sync caller re-reads the job in case it finished on another node. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private Caller caller;
    private GenerationDesk desk;
    private AssetCatalog assets;
    private JobCompletions completions;

    public GenerationResource() {
        // for CDI proxies
    }

    @Inject
    public GenerationResource(Caller caller, GenerationDesk desk, AssetCatalog assets, JobCompletions completions) {
        this.caller = caller;
        this.desk = desk;
        this.assets = assets;
        this.completions = completions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("ws") String workspace, GenerationRequest body,
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @QueryParam("mode") @DefaultValue("async") String mode, @Context UriInfo uri) {
        Actor actor = caller.actor();
        if (!mode.equals("async") && !mode.equals("sync")) {
            throw new InvalidInputException("mode", "mode is 'async' (default: 202 and a job URL) or 'sync' (wait for"
                    + " the images up to " + SYNC_DEADLINE.toSeconds() + " s).");
        }
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON object with at least 'models' and 'prompt'.");
        }
        var submission = desk.submit(actor, workspace, body.toOrder(), Optional.ofNullable(idempotencyKey),
                body.toWebhook());
        GenerationJob job = submission.job();
        JobView view = mode.equals("sync") ? awaitFinal(actor, workspace, job, uri) : view(job, uri);
        Response.ResponseBuilder response = JobState.valueOf(view.state()).isFinal()
                ? Response.ok()
                : Response.accepted().location(uri.getAbsolutePathBuilder().path(job.id().toString()).build());
        if (submission.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.entity(view).build();
    }

    @GET
    @Path("/{id}")
    public JobView job(@PathParam("ws") String workspace, @PathParam("id") UUID id, @Context UriInfo uri) {
        return view(desk.job(caller.actor(), workspace, id), uri);
    }

    @DELETE
    @Path("/{id}")
    public JobView cancel(@PathParam("ws") String workspace, @PathParam("id") UUID id, @Context UriInfo uri) {
        return view(desk.cancel(caller.actor(), workspace, id), uri);
    }

    /**
     * The job once it is final, or as it stands at the deadline. A job finished on this node arrives with the
     * commit's signal, its assets included, and is answered without reading it again; one finished on another node
     * is found by reading the job every {@link #RECHECK}.
     */
    private JobView awaitFinal(Actor actor, String workspace, GenerationJob job, UriInfo uri) {
        Instant deadline = Instant.now().plus(SYNC_DEADLINE);
        CompletableFuture<JobFinished> finished = completions.watch(job.id());
        try {
            // read after watching: a job that finished in between is final here, not missed
            GenerationJob current = desk.job(actor, workspace, job.id());
            while (!current.state().isFinal() && Instant.now().isBefore(deadline)) {
                Duration left = Duration.between(Instant.now(), deadline);
                try {
                    JobFinished outcome = finished.get(Math.max(1, Math.min(RECHECK.toMillis(), left.toMillis())),
                            TimeUnit.MILLISECONDS);
                    return JobView.of(outcome.job(), outcome.assets(), uri.getBaseUri());
                } catch (TimeoutException e) {
                    // finished elsewhere, or not yet: read the job again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return view(current, uri);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
                current = desk.job(actor, workspace, job.id());
            }
            return view(current, uri);
        } finally {
            completions.forget(job.id());
        }
    }

    private JobView view(GenerationJob job, UriInfo uri) {
        // a job that has not finished has no images yet: no need to ask
        return JobView.of(job, job.state().isFinal() ? assets.ofJob(job.id()) : List.of(), uri.getBaseUri());
    }
}
