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
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public TritonEndpoint(String target, int maxInboundMessageBytes) {
        this.target = target;
        // Plaintext inside the cluster network, as Triton serves gRPC by default; TLS would terminate at the mesh.
        this.channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
                .maxInboundMessageSize(maxInboundMessageBytes)
                .keepAliveTime(30, TimeUnit.SECONDS)
                // Retries are the client's own (RetryPolicy), counted and bounded in one place.
                .disableRetry()
                .build();
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
     */
    public CompletableFuture<EndpointHealth> probe(List<String> models, Duration timeout) {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            // A pod that came back should be seen at this probe, not after the channel's reconnect backoff.
            channel.resetConnectBackoff();
        }
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        GRPCInferenceServiceFutureStub stub = futureStub.withDeadline(deadline);
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
        Futures.whenAllComplete(all).run(() -> {
            EndpointHealth answer = healthFrom(live, ready, models, modelReady);
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
                                      List<String> models, List<ListenableFuture<ModelReadyResponse>> modelReady) {
        Instant now = Instant.now();
        boolean isLive;
        try {
            isLive = Futures.getDone(live).getLive();
        } catch (Exception e) {
            return new EndpointHealth(target, false, false, List.of(), describe(Status.fromThrowable(e)), now);
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

    static String describe(Status status) {
        String description = status.getDescription();
        return status.getCode() + (description == null || description.isBlank() ? "" : ": " + description);
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
