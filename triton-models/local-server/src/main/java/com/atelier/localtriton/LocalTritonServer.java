package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.image.TextToImageRequest;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local CPU stand-in for a Triton pod: a gRPC server on host:port serving every model of the
 * catalog with procedural CPU models, simulated GPU time and injectable faults. Tests start it on an
 * ephemeral port; {@link LocalTritonCommand} starts it from the command line.
 */
public final class LocalTritonServer implements AutoCloseable {

    /** 2048² PNGs and 512² FP16 upscaler inputs must fit; Triton's own default is unbounded. */
    private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    private final ServerOptions options;
    private final ModelRepository repository;
    private final FaultInjector faults;
    private final Map<String, DynamicBatcher> batchers = new HashMap<>();
    private final KServeInferenceService service;
    private final Server server;
    private volatile int boundPort;

    private LocalTritonServer(ServerOptions options) {
        this.options = options;
        this.repository = new ModelRepository(options.unloaded());
        this.faults = new FaultInjector(Clock.systemUTC());
        StatisticsLedger statistics = new StatisticsLedger();
        ResponseCache<TextToImageRequest> cache = new ResponseCache<>(options.responseCacheBytes());
        ProceduralRenderer renderer = new ProceduralRenderer();
        Map<String, ServedModel> models = new HashMap<>();
        for (ModelContract contract : ModelCatalog.all()) {
            models.put(contract.name(), switch (contract.kind()) {
                case TEXT_TO_IMAGE -> new ProceduralTextToImage(renderer, cache);
                case SAFETY_CLASSIFIER -> new ColourStatisticsClassifier();
                case UPSCALER -> new BilinearUpscaler();
            });
            Duration gpuTime = options.gpuTimeOf(contract.name());
            if (!gpuTime.isZero()) {
                // Without simulated GPU time there is nothing to batch for; requests run directly.
                batchers.put(contract.name(), new DynamicBatcher(contract.name(), gpuTime, options.maxQueueDelay(),
                        contract.maxBatchSize(), statistics));
            }
        }
        this.service = new KServeInferenceService(repository, faults, statistics, models, batchers,
                options.maxQueueDelay());
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()))
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .addService(service)
                .build();
    }

    /** Builds and starts the server; it listens when this returns. */
    public static LocalTritonServer start(ServerOptions options) {
        LocalTritonServer local = new LocalTritonServer(options);
        try {
            local.server.start();
            local.boundPort = local.server.getPort();
        } catch (IOException e) {
            local.close();
            throw new UncheckedIOException("local-triton could not listen on " + options.host() + ":" + options.port(), e);
        }
        if (!options.unavailableFor().isZero()) {
            local.faults.unavailableFor(options.unavailableFor());
        }
        local.faults.slowBy(options.slowBy());
        return local;
    }

    /** The port it listens on (the ephemeral one when started with port 0); still known after close. */
    public int port() {
        return boundPort;
    }

    /** "host:port" as a client should dial it. */
    public String target() {
        return options.host() + ":" + port();
    }

    public FaultInjector faults() {
        return faults;
    }

    public ModelRepository repository() {
        return repository;
    }

    public long inferCallsReceived() {
        return service.inferCallsReceived();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batchers.values().forEach(DynamicBatcher::close);
    }
}
