package com.atelier.inference;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.contract.ModelKind;
import com.atelier.inference.endpoint.ClientTransport;
import com.atelier.inference.endpoint.EndpointHealth;
import com.atelier.inference.endpoint.EndpointPool;
import com.atelier.inference.endpoint.FailoverInvoker;
import com.atelier.inference.endpoint.TritonEndpoint;
import com.atelier.inference.image.GeneratedImage;
import com.atelier.inference.image.GenerationTimings;
import com.atelier.inference.image.ImagePixels;
import com.atelier.inference.image.SafetyScores;
import com.atelier.inference.image.TextToImageEncoding;
import com.atelier.inference.image.TextToImageRequest;
import com.atelier.inference.protocol.ModelConfig;
import com.atelier.inference.protocol.ModelConfigRequest;
import com.atelier.inference.protocol.ModelMetadataRequest;
import com.atelier.inference.protocol.ModelMetadataResponse;
import com.atelier.inference.protocol.ModelStatistics;
import com.atelier.inference.protocol.ModelStatisticsRequest;
import com.atelier.inference.protocol.ModelStatisticsResponse;
import com.atelier.inference.protocol.StatisticDuration;
import com.atelier.inference.tensor.InferenceRequest;
import com.atelier.inference.tensor.InferenceResult;
import com.atelier.inference.tensor.RawTensor;
import io.grpc.StatusRuntimeException;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The typed Triton client the portal uses: text-to-image generation, safety scoring and upscaling
 * across several Triton endpoints, plus their health. Thread-safe; one instance per application,
 * closed on shutdown: it owns its threads (Netty event loops, callbacks, the prober) and one gRPC
 * channel per endpoint, and {@link #close()} stops them all, so nothing of it outlives an application
 * server deployment.
 */
public final class TritonClient implements AutoCloseable {

    /** How long close() lets calls in flight finish before cancelling them. */
    private static final Duration CHANNEL_SHUTDOWN = Duration.ofSeconds(2);
    /** How long close() waits for the event loop and callback threads to end. */
    private static final Duration TRANSPORT_SHUTDOWN = Duration.ofSeconds(5);

    private final TritonClientSettings settings;
    private final ClientTransport transport;
    private final EndpointPool pool;
    private final FailoverInvoker invoker;

    public TritonClient(TritonClientSettings settings) {
        this.settings = settings;
        int eventLoops = Math.min(settings.endpoints().size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.transport = new ClientTransport(eventLoops, TRANSPORT_SHUTDOWN);
        try {
            this.pool = new EndpointPool(
                    settings.endpoints().stream()
                            .map(target -> new TritonEndpoint(target, settings.maxInboundMessageBytes(), transport))
                            .toList(),
                    ModelCatalog.names(), settings.probeInterval(), settings.probeTimeout());
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        this.invoker = new FailoverInvoker(pool, settings.retryPolicy(), settings.probeTimeout());
    }

    /** A client with production defaults for the given "host:port" endpoints. */
    public static TritonClient connect(List<String> endpoints) {
        return new TritonClient(TritonClientSettings.forEndpoints(endpoints));
    }

    /** Probes every endpoint now (in parallel) and reports each one; never throws for an unhealthy endpoint. */
    public List<EndpointHealth> health(Duration deadline) {
        return pool.probeAll(deadline);
    }

    /** What the background probes last saw, without any network call; cheap enough for every health request. */
    public List<EndpointHealth> lastKnownHealth() {
        return pool.lastKnownHealth();
    }

    public List<GeneratedImage> generate(TextToImageRequest request) {
        return generate(request, settings.defaultDeadline());
    }

    /**
     * Renders the request's images on the least-loaded endpoint that has the model ready.
     *
     * @throws UnknownModelException            the model is not a text-to-image model Atelier serves
     * @throws InvalidInferenceRequestException a parameter is out of the model's range (nothing sent)
     * @throws ModelNotReadyException           no endpoint has the model ready
     * @throws InferenceUnavailableException    no endpoint answered within the retry budget
     * @throws InferenceTimeoutException        the deadline passed
     * @throws InferenceFailedException         Triton rejected or failed the request
     */
    public List<GeneratedImage> generate(TextToImageRequest request, Duration deadline) {
        ModelContract contract = contract(request.model(), ModelKind.TEXT_TO_IMAGE);
        List<String> violations = request.violations(contract.limits().orElseThrow());
        if (!violations.isEmpty()) {
            throw new InvalidInferenceRequestException(request.model(), violations);
        }
        long started = System.nanoTime();
        FailoverInvoker.Answer<InferenceResult> answer = inferOn(TextToImageEncoding.encode(request), deadline);
        GenerationTimings timings = timings(request.model(), answer.endpoint(), Duration.ofNanos(System.nanoTime() - started));
        return TextToImageEncoding.decode(request, answer.value(), timings);
    }

    /** Scores a PNG with the safety classifier: one score in [0, 1] per category. */
    public SafetyScores checkSafety(byte[] png, Duration deadline) {
        ModelContract contract = contract(ModelCatalog.SAFETY_CHECKER.name(), ModelKind.SAFETY_CLASSIFIER);
        BufferedImage image = ImagePixels.readPng(png);
        RawTensor pixels = RawTensor.uint8Image(ModelCatalog.SAFETY_IMAGE.name(),
                List.of(1L, (long) image.getHeight(), (long) image.getWidth(), 3L), ImagePixels.toHwcRgb(image));
        InferenceResult result = inferOn(InferenceRequest.of(contract.name(), List.of(pixels), List.of()), deadline).value();
        float[] scores = result.requireOutput(ModelCatalog.SAFETY_SCORES.name()).asFp32();
        Map<String, Float> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < ModelCatalog.SAFETY_CATEGORIES.size() && i < scores.length; i++) {
            byCategory.put(ModelCatalog.SAFETY_CATEGORIES.get(i), scores[i]);
        }
        return new SafetyScores(byCategory);
    }

    /** Upscales a PNG four times (at most 512 px a side in, 2048 px out) and returns the PNG. */
    public byte[] upscale(byte[] png, Duration deadline) {
        ModelContract contract = contract(ModelCatalog.UPSCALER_4X.name(), ModelKind.UPSCALER);
        BufferedImage image = ImagePixels.readPng(png);
        int max = ModelCatalog.UPSCALE_MAX_INPUT_SIDE;
        if (image.getWidth() > max || image.getHeight() > max) {
            throw new InvalidInferenceRequestException(contract.name(), List.of("the image must be at most " + max + "x" + max
                    + " pixels to upscale (was " + image.getWidth() + "x" + image.getHeight() + ")"));
        }
        RawTensor pixels = RawTensor.fp16(ModelCatalog.UPSCALE_IMAGE.name(),
                List.of(1L, 3L, (long) image.getHeight(), (long) image.getWidth()), ImagePixels.toChwHalf(image));
        InferenceResult result = inferOn(InferenceRequest.of(contract.name(), List.of(pixels), List.of()), deadline).value();
        RawTensor upscaled = result.requireOutput(ModelCatalog.UPSCALED_IMAGE.name());
        List<Long> shape = upscaled.shape();
        int height = Math.toIntExact(shape.get(shape.size() - 2));
        int width = Math.toIntExact(shape.get(shape.size() - 1));
        return ImagePixels.writePng(ImagePixels.fromChwHalf(upscaled.asFp16(), width, height));
    }

    /** A raw ModelInfer with failover, for models or tensors the typed methods do not cover. */
    public InferenceResult infer(InferenceRequest request, Duration deadline) {
        return inferOn(request, deadline).value();
    }

    public ModelMetadataResponse modelMetadata(String model, Duration deadline) {
        return invoker.invoke(model, deadline, (endpoint, callDeadline) -> endpoint.stub().withDeadline(callDeadline)
                .modelMetadata(ModelMetadataRequest.newBuilder().setName(model).build())).value();
    }

    public ModelConfig modelConfig(String model, Duration deadline) {
        return invoker.invoke(model, deadline, (endpoint, callDeadline) -> endpoint.stub().withDeadline(callDeadline)
                .modelConfig(ModelConfigRequest.newBuilder().setName(model).build())).value().getConfig();
    }

    /** The cumulative statistics of the model on each endpoint that answers, keyed by endpoint. */
    public Map<String, ModelStatistics> modelStatistics(String model, Duration deadline) {
        Map<String, ModelStatistics> byEndpoint = new LinkedHashMap<>();
        for (TritonEndpoint endpoint : pool.endpoints()) {
            statisticsOn(endpoint, model, deadline).ifPresent(stats -> byEndpoint.put(endpoint.target(), stats));
        }
        return byEndpoint;
    }

    private FailoverInvoker.Answer<InferenceResult> inferOn(InferenceRequest request, Duration deadline) {
        return invoker.invoke(request.model(), deadline, (endpoint, callDeadline) -> InferenceResult.fromProto(
                endpoint.stub().withDeadline(callDeadline).modelInfer(request.toProto()), endpoint.target()));
    }

    private static ModelContract contract(String model, ModelKind kind) {
        return ModelCatalog.find(model)
                .filter(contract -> contract.kind() == kind)
                .orElseThrow(() -> new UnknownModelException(model, ModelCatalog.all().stream()
                        .filter(contract -> contract.kind() == kind).map(ModelContract::name).toList()));
    }

    private GenerationTimings timings(String model, TritonEndpoint endpoint, Duration total) {
        if (!settings.serverTimings()) {
            return GenerationTimings.clientOnly(total);
        }
        return statisticsOn(endpoint, model, settings.probeTimeout())
                .map(ModelStatistics::getInferenceStats)
                .map(stats -> new GenerationTimings(total, average(stats.getQueue()), average(stats.getComputeInfer())))
                .orElseGet(() -> GenerationTimings.clientOnly(total));
    }

    private static Optional<ModelStatistics> statisticsOn(TritonEndpoint endpoint, String model, Duration deadline) {
        try {
            ModelStatisticsResponse response = endpoint.stub().withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
                    .modelStatistics(ModelStatisticsRequest.newBuilder().setName(model).build());
            return response.getModelStatsList().stream().findFirst();
        } catch (StatusRuntimeException e) {
            // Timings are informative; a generation that succeeded must not fail for want of them.
            return Optional.empty();
        }
    }

    private static Optional<Duration> average(StatisticDuration duration) {
        return duration.getCount() == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(duration.getNs() / duration.getCount()));
    }

    /** Stops probing, closes the channels (calls in flight get up to 2 s), then stops and awaits the client's threads. */
    @Override
    public void close() {
        try {
            pool.close(CHANNEL_SHUTDOWN);
        } finally {
            transport.close();
        }
    }
}
