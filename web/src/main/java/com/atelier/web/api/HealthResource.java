package com.atelier.web.api;

import com.atelier.governance.health.DependencyProbe;
import com.atelier.governance.health.DependencyStatus;
import com.atelier.web.api.problem.ProblemFactory;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * GET /api/v1/health: each dependency up or down, checked in parallel. 200 when all are up; otherwise a 503
 * problem naming what is down, so a load balancer and a person both get a clear answer.
 */
@Path("/health")
@RequestScoped
@PermitAll
public class HealthResource {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** A probe that ignores its own timeout is reported down after this long. */
    private static final Duration GIVE_UP = PROBE_TIMEOUT.multipliedBy(2);

    @Resource
    private ManagedExecutorService executor;

    private Instance<DependencyProbe> probes;
    private ProblemFactory problems;

    public HealthResource() {
        // for CDI proxies
    }

    @Inject
    public HealthResource(@Any Instance<DependencyProbe> probes, ProblemFactory problems) {
        this.probes = probes;
        this.problems = problems;
    }

    public record Health(String status, List<DependencyStatus> dependencies) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response health() {
        List<CompletableFuture<DependencyStatus>> checks = probes.stream()
                .map(probe -> CompletableFuture.supplyAsync(() -> probe.check(PROBE_TIMEOUT), executor)
                        .completeOnTimeout(DependencyStatus.down(probe.dependency(), "no answer within "
                                + GIVE_UP.toSeconds() + " s", GIVE_UP.toMillis()), GIVE_UP.toMillis(),
                                TimeUnit.MILLISECONDS))
                .toList();
        List<DependencyStatus> statuses = checks.stream().map(CompletableFuture::join)
                .sorted(Comparator.comparing(DependencyStatus::dependency)).toList();
        List<DependencyStatus> down = statuses.stream().filter(s -> !s.up()).toList();
        if (down.isEmpty()) {
            return Response.ok(new Health("UP", statuses), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String detail = down.stream().map(s -> s.dependency() + ": " + s.detail()).collect(Collectors.joining(" "));
        return problems.problem(Response.Status.SERVICE_UNAVAILABLE, "Service unavailable",
                        "Down: " + detail)
                .withDependencies(statuses)
                .toResponse();
    }
}
