package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc;
import com.atelier.inference.protocol.ModelConfigRequest;
import com.atelier.inference.protocol.ModelConfigResponse;
import com.atelier.inference.protocol.ModelInferRequest;
import com.atelier.inference.protocol.ModelInferResponse;
import com.atelier.inference.protocol.ModelMetadataRequest;
import com.atelier.inference.protocol.ModelMetadataResponse;
import com.atelier.inference.protocol.ModelReadyRequest;
import com.atelier.inference.protocol.ModelReadyResponse;
import com.atelier.inference.protocol.ModelStatisticsRequest;
import com.atelier.inference.protocol.ModelStatisticsResponse;
import com.atelier.inference.protocol.ModelStreamInferResponse;
import com.atelier.inference.protocol.RepositoryIndexRequest;
import com.atelier.inference.protocol.RepositoryIndexResponse;
import com.atelier.inference.protocol.RepositoryModelLoadRequest;
import com.atelier.inference.protocol.RepositoryModelLoadResponse;
import com.atelier.inference.protocol.RepositoryModelUnloadRequest;
import com.atelier.inference.protocol.RepositoryModelUnloadResponse;
import com.atelier.inference.protocol.ServerLiveRequest;
import com.atelier.inference.protocol.ServerLiveResponse;
import com.atelier.inference.protocol.ServerMetadataRequest;
import com.atelier.inference.protocol.ServerMetadataResponse;
import com.atelier.inference.protocol.ServerReadyRequest;
import com.atelier.inference.protocol.ServerReadyResponse;
import com.atelier.inference.tensor.RawTensor;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Triton's GRPCInferenceService on the CPU: health, metadata, configuration, statistics and
 * repository calls answered like Triton, and ModelInfer run through the simulated GPU (dynamic
 * batcher) and the procedural models, with the configured faults injected first.
 */
public final class KServeInferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    static final String SERVER_NAME = "atelier-local-triton";
    static final String SERVER_VERSION = "0.1.0 (procedural CPU renderer, not a diffusion model)";

    private final ModelRepository repository;
    private final FaultInjector faults;
    private final StatisticsLedger statistics;
    private final Map<String, ServedModel> models;
    private final Map<String, DynamicBatcher> batchers;
    private final Duration maxQueueDelay;
    private final AtomicLong inferCalls = new AtomicLong();

    public KServeInferenceService(ModelRepository repository, FaultInjector faults, StatisticsLedger statistics,
                                  Map<String, ServedModel> models, Map<String, DynamicBatcher> batchers, Duration maxQueueDelay) {
        this.repository = repository;
        this.faults = faults;
        this.statistics = statistics;
        this.models = Map.copyOf(models);
        this.batchers = Map.copyOf(batchers);
        this.maxQueueDelay = maxQueueDelay;
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> observer) {
        answer(observer, () -> ServerLiveResponse.newBuilder().setLive(true).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> observer) {
        answer(observer, () -> ServerReadyResponse.newBuilder().setReady(true).build());
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> observer) {
        answer(observer, () -> ModelReadyResponse.newBuilder()
                .setReady(repository.isReady(request.getName(), request.getVersion())).build());
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> observer) {
        answer(observer, () -> ServerMetadataResponse.newBuilder()
                .setName(SERVER_NAME)
                .setVersion(SERVER_VERSION)
                .addAllExtensions(List.of("model_repository", "model_configuration", "statistics", "schedule_policy", "parameters"))
                .build());
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> observer) {
        answer(observer, () -> ModelConfigs.metadataOf(
                repository.requireReady(request.getName(), request.getVersion()), ModelRepository.VERSION));
    }

    @Override
    public void modelConfig(ModelConfigRequest request, StreamObserver<ModelConfigResponse> observer) {
        answer(observer, () -> ModelConfigResponse.newBuilder()
                .setConfig(ModelConfigs.configOf(repository.requireReady(request.getName(), request.getVersion()), maxQueueDelay))
                .build());
    }

    @Override
    public void modelStatistics(ModelStatisticsRequest request, StreamObserver<ModelStatisticsResponse> observer) {
        answer(observer, () -> {
            List<String> names = request.getName().isEmpty() ? ModelCatalog.names() : List.of(request.getName());
            if (!request.getName().isEmpty()) {
                repository.requireReady(request.getName(), request.getVersion());
            }
            return ModelStatisticsResponse.newBuilder().addAllModelStats(statistics.snapshot(names)).build();
        });
    }

    @Override
    public void repositoryIndex(RepositoryIndexRequest request, StreamObserver<RepositoryIndexResponse> observer) {
        answer(observer, () -> RepositoryIndexResponse.newBuilder().addAllModels(repository.index(request.getReady())).build());
    }

    @Override
    public void repositoryModelLoad(RepositoryModelLoadRequest request, StreamObserver<RepositoryModelLoadResponse> observer) {
        answer(observer, () -> {
            repository.load(request.getModelName());
            return RepositoryModelLoadResponse.getDefaultInstance();
        });
    }

    @Override
    public void repositoryModelUnload(RepositoryModelUnloadRequest request, StreamObserver<RepositoryModelUnloadResponse> observer) {
        answer(observer, () -> {
            repository.unload(request.getModelName());
            return RepositoryModelUnloadResponse.getDefaultInstance();
        });
    }

    /** How many ModelInfer calls arrived, answered or refused; lets tests count a client's attempts. */
    public long inferCallsReceived() {
        return inferCalls.get();
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> observer) {
        inferCalls.incrementAndGet();
        answer(observer, () -> infer(request));
    }

    @Override
    public StreamObserver<ModelInferRequest> modelStreamInfer(StreamObserver<ModelStreamInferResponse> observer) {
        return new StreamObserver<>() {
            @Override
            public void onNext(ModelInferRequest request) {
                ModelStreamInferResponse.Builder response = ModelStreamInferResponse.newBuilder();
                try {
                    response.setInferResponse(infer(request));
                } catch (StatusRuntimeException e) {
                    // Triton reports per-request failures in the stream and keeps the stream open.
                    response.setErrorMessage(e.getStatus().getDescription() == null ? e.getStatus().getCode().name()
                            : e.getStatus().getDescription());
                }
                synchronized (observer) {
                    observer.onNext(response.build());
                }
            }

            @Override
            public void onError(Throwable t) {
                // The client went away; nothing left to answer.
            }

            @Override
            public void onCompleted() {
                synchronized (observer) {
                    observer.onCompleted();
                }
            }
        };
    }

    private ModelInferResponse infer(ModelInferRequest request) {
        long started = System.nanoTime();
        String model = request.getModelName();
        try {
            ModelContract contract = repository.requireReady(model, request.getModelVersion());
            RequestTensors inputs = RequestTensors.from(request, contract);
            List<String> wanted = requestedOutputs(request, contract);
            Execution execution = models.get(model).prepare(inputs);
            delay(faults.slowBy());
            long queueNs = execution.cacheHit() ? 0 : awaitGpu(model);
            long computeStarted = System.nanoTime();
            List<RawTensor> outputs = execution.outputs().get();
            if (!execution.cacheHit() && !batchers.containsKey(model)) {
                // No simulated GPU: the CPU work is the model execution, one request per execution.
                statistics.recordExecution(model, 1, System.nanoTime() - computeStarted);
            }
            statistics.recordSuccess(model, System.nanoTime() - started, queueNs, execution.cacheHit());
            return response(request, outputs, wanted);
        } catch (StatusRuntimeException e) {
            statistics.recordFailure(model, System.nanoTime() - started);
            throw e;
        }
    }

    private long awaitGpu(String model) {
        DynamicBatcher batcher = batchers.get(model);
        if (batcher == null) {
            return 0;
        }
        try {
            return batcher.submit().get();
        } catch (ExecutionException e) {
            throw Status.UNAVAILABLE.withDescription(e.getCause().getMessage()).asRuntimeException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
    }

    private static List<String> requestedOutputs(ModelInferRequest request, ModelContract contract) {
        List<String> wanted = request.getOutputsList().stream().map(ModelInferRequest.InferRequestedOutputTensor::getName).toList();
        for (String name : wanted) {
            if (contract.output(name).isEmpty()) {
                throw RequestTensors.invalid("unexpected inference output '" + name + "' for model '" + contract.name() + "'");
            }
        }
        return wanted;
    }

    private static ModelInferResponse response(ModelInferRequest request, List<RawTensor> outputs, List<String> wanted) {
        ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
                .setModelName(request.getModelName())
                .setModelVersion(ModelRepository.VERSION)
                .setId(request.getId());
        for (RawTensor output : outputs) {
            if (!wanted.isEmpty() && !wanted.contains(output.name())) {
                continue;
            }
            response.addOutputs(ModelInferResponse.InferOutputTensor.newBuilder()
                    .setName(output.name())
                    .setDatatype(output.type().wireName())
                    .addAllShape(output.shape()));
            response.addRawOutputContents(output.data());
        }
        return response.build();
    }

    /** Holds the request for the injected latency, giving up early if the caller cancelled. */
    private static void delay(Duration latency) {
        long until = System.nanoTime() + latency.toNanos();
        Context context = Context.current();
        try {
            while (System.nanoTime() < until && !context.isCancelled()) {
                TimeUnit.MILLISECONDS.sleep(Math.min(10, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
        T response;
        try {
            faults.currentFailure().ifPresent(status -> {
                throw status.asRuntimeException();
            });
            response = call.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        } catch (RuntimeException e) {
            observer.onError(Status.INTERNAL.withDescription("local-triton failed: " + e).withCause(e).asRuntimeException());
            return;
        }
        if (observer instanceof ServerCallStreamObserver<T> serverCall && serverCall.isCancelled()) {
            // The caller's deadline passed or it hung up: the answer has nowhere to go.
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}
