package com.atelier.inference.endpoint;

import com.atelier.inference.protocol.GRPCInferenceServiceGrpc;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc.GRPCInferenceServiceFutureStub;
import com.atelier.inference.protocol.ModelReadyRequest;
import com.atelier.inference.protocol.ModelReadyResponse;
import com.atelier.inference.protocol.ServerLiveRequest;
import com.atelier.inference.protocol.ServerLiveResponse;
import com.atelier.inference.protocol.ServerReadyRequest;
import com.atelier.inference.protocol.ServerReadyResponse;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ConnectivityState;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Triton pod: a single long-lived gRPC channel (reused by every call), the count of calls in
 * flight on it, and what its last health probe said.
 */
public final class TritonEndpoint implements AutoCloseable {

    private final String target;
    private final ManagedChannel channel;
    private final GRPCInferenceServiceBlockingStub blockingStub;
    private final GRPCInferenceServiceFutureStub futureStub;
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile EndpointHealth health;
    /** Probe calls not answered yet; close() cancels them rather than wait out their deadline. */
    private final Set<ListenableFuture<?>> probesInFlight = ConcurrentHashMap.newKeySet();

    /** Opens (lazily: nothing connects before the first call) the endpoint's channel on the client's transport. */
    public TritonEndpoint(String target, int maxInboundMessageBytes, ClientTransport transport) {
        this.target = target;
        this.channel = transport.newChannel(target, maxInboundMessageBytes);
        this.blockingStub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
        this.futureStub = GRPCInferenceServiceGrpc.newFutureStub(channel);
        this.health = EndpointHealth.notProbedYet(target);
    }

    public String target() {
        return target;
    }

    public EndpointHealth health() {
        return health;
    }

    public int outstanding() {
        return outstanding.get();
    }

    /** The stub for a call; deadlines are set per call by the caller. */
    public GRPCInferenceServiceBlockingStub stub() {
        return blockingStub;
    }

    public GRPCInferenceServiceFutureStub futureStub() {
        return futureStub;
    }

    void callStarted() {
        outstanding.incrementAndGet();
    }

    void callFinished() {
        outstanding.decrementAndGet();
    }

    /**
     * Asks ServerLive, ServerReady and ModelReady for each model in parallel, in one round trip, and
     * records the answer. Never completes exceptionally: a failure is an unhealthy answer.
     *
     * <p>A pod that came back must be seen at this probe, and one that is down must cost at most the
     * timeout. After a failed connection the channel sits in TRANSIENT_FAILURE, where calls fail at
     * once ("UNAVAILABLE: io exception") until its reconnect backoff (up to two minutes) has passed.
     * So the probe cuts the backoff short and its calls wait for the connection (waitForReady), within
     * the deadline, instead of failing fast.
     */
    public CompletableFuture<EndpointHealth> probe(List<String> models, Duration timeout) {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        GRPCInferenceServiceFutureStub stub = futureStub.withDeadline(deadline).withWaitForReady();
        ListenableFuture<ServerLiveResponse> live = stub.serverLive(ServerLiveRequest.getDefaultInstance());
        ListenableFuture<ServerReadyResponse> ready = stub.serverReady(ServerReadyRequest.getDefaultInstance());
        List<ListenableFuture<ModelReadyResponse>> modelReady = new ArrayList<>();
        for (String model : models) {
            modelReady.add(stub.modelReady(ModelReadyRequest.newBuilder().setName(model).build()));
        }
        CompletableFuture<EndpointHealth> result = new CompletableFuture<>();
        List<ListenableFuture<?>> all = new ArrayList<>(modelReady);
        all.add(live);
        all.add(ready);
        probesInFlight.addAll(all);
        Futures.whenAllComplete(all).run(() -> {
            probesInFlight.removeAll(all);
            EndpointHealth answer = healthFrom(live, ready, models, modelReady, timeout);
            health = answer;
            result.complete(answer);
        }, MoreExecutors.directExecutor());
        return result;
    }

    /** Records that a call found the endpoint unreachable, so selection avoids it until a probe says otherwise. */
    void markDown(Status status) {
        health = new EndpointHealth(target, false, false, List.of(), describe(status), Instant.now());
    }

    /** Records that the endpoint answered but has no ready version of the model. */
    void markModelNotReady(String model, Status status) {
        EndpointHealth current = health;
        List<String> remaining = current.readyModels().stream().filter(m -> !m.equals(model)).toList();
        health = new EndpointHealth(target, current.live(), current.ready(), remaining,
                "model " + model + " not ready: " + describe(status), Instant.now());
    }

    private EndpointHealth healthFrom(ListenableFuture<ServerLiveResponse> live, ListenableFuture<ServerReadyResponse> ready,
                                      List<String> models, List<ListenableFuture<ModelReadyResponse>> modelReady, Duration timeout) {
        Instant now = Instant.now();
        boolean isLive;
        try {
            isLive = Futures.getDone(live).getLive();
        } catch (Exception e) {
            return new EndpointHealth(target, false, false, List.of(), unreachable(Status.fromThrowable(e), timeout), now);
        }
        boolean isReady;
        try {
            isReady = Futures.getDone(ready).getReady();
        } catch (Exception e) {
            return new EndpointHealth(target, isLive, false, List.of(), "ServerReady failed: " + describe(Status.fromThrowable(e)), now);
        }
        List<String> readyModels = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            boolean modelIsReady;
            try {
                modelIsReady = Futures.getDone(modelReady.get(i)).getReady();
            } catch (Exception e) {
                modelIsReady = false;
            }
            (modelIsReady ? readyModels : notReady).add(models.get(i));
        }
        String detail;
        if (!isLive) {
            detail = "server reports not live";
        } else if (!isReady) {
            detail = "server live but not ready";
        } else if (notReady.isEmpty()) {
            detail = "ready; all " + readyModels.size() + " models ready";
        } else {
            detail = "ready; models not ready: " + String.join(", ", notReady);
        }
        return new EndpointHealth(target, isLive, isReady, readyModels, detail, now);
    }

    /** Why ServerLive failed; a deadline spent waiting for a connection means the pod is unreachable. */
    private String unreachable(Status status, Duration timeout) {
        ConnectivityState state = channel.getState(false);
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED && state != ConnectivityState.READY) {
            return "UNAVAILABLE: no connection within " + timeout.toMillis() + " ms (channel " + state + ")";
        }
        return describe(status);
    }

    static String describe(Status status) {
        String description = status.getDescription();
        return status.getCode() + (description == null || description.isBlank() ? "" : ": " + description);
    }

    /**
     * Starts an orderly shutdown: calls in flight may finish, new ones fail. Probes still waiting for a
     * connection are cancelled rather than left to spend their deadline.
     */
    void shutdown() {
        channel.shutdown();
        if (channel.getState(false) != ConnectivityState.READY) {
            probesInFlight.forEach(probe -> probe.cancel(true));
        }
    }

    /** Waits until the channel has terminated, cancelling what is left once the deadline has passed. */
    void awaitTermination(Deadline deadline) {
        try {
            if (!channel.awaitTermination(deadline.timeRemaining(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS)) {
                channel.shutdownNow();
                channel.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown();
        awaitTermination(Deadline.after(2, TimeUnit.SECONDS));
    }
}
