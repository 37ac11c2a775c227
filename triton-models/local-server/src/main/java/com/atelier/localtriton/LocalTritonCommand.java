package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of the local CPU KServe v2 server: {@code java -jar atelier-local-triton.jar --port 8001}. */
@Command(name = "atelier-local-triton", mixinStandardHelpOptions = true,
        version = KServeInferenceService.SERVER_VERSION,
        description = {
            "CPU KServe v2 gRPC server with Triton's GRPCInferenceService and Atelier's model signatures",
            "(flux2, sdxl, sd35-large, safety_checker, upscaler_4x).",
            "It renders procedural images on the CPU: it is NOT a diffusion model."})
public final class LocalTritonCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8001", description = "gRPC port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--gpu-time", split = ",", paramLabel = "MODEL=DURATION",
            description = "Simulated GPU time of one request, per model, e.g. sdxl=1.5s,flux2=3s (default: none).")
    Map<String, String> gpuTime = new HashMap<>();

    @Option(names = "--max-queue-delay", defaultValue = "5ms", converter = DurationText.class,
            description = "Dynamic batching: how long a request waits for others to join its batch (default: ${DEFAULT-VALUE}).")
    Duration maxQueueDelay;

    @Option(names = "--unavailable-for", defaultValue = "0s", converter = DurationText.class,
            description = "Fault: answer every RPC with UNAVAILABLE for this long after start (default: ${DEFAULT-VALUE}).")
    Duration unavailableFor;

    @Option(names = "--slow", defaultValue = "0s", converter = DurationText.class,
            description = "Fault: add this latency to every ModelInfer (default: ${DEFAULT-VALUE}).")
    Duration slowBy;

    @Option(names = "--unloaded", split = ",", paramLabel = "MODEL",
            description = "Fault: start with these models unloaded; RepositoryModelLoad loads them (default: none).")
    List<String> unloaded = List.of();

    @Option(names = "--response-cache-mb", defaultValue = "64",
            description = "Cache of rendered PNGs for identical requests, in MiB; 0 disables (default: ${DEFAULT-VALUE}).")
    long responseCacheMb;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Duration> gpuTimes = new HashMap<>();
        for (Map.Entry<String, String> entry : gpuTime.entrySet()) {
            if (ModelCatalog.find(entry.getKey()).isEmpty()) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--gpu-time names unknown model '" + entry.getKey() + "'; known: " + ModelCatalog.names());
            }
            gpuTimes.put(entry.getKey(), DurationText.parse(entry.getValue()));
        }
        ServerOptions options = new ServerOptions(host, port, gpuTimes, maxQueueDelay, unavailableFor, slowBy,
                new LinkedHashSet<>(unloaded), responseCacheMb * 1024 * 1024);
        LocalTritonServer server = LocalTritonServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-triton-shutdown"));
        // Scripts wait for exactly this line before sending requests.
        System.out.println("local-triton listening on " + server.target());
        System.out.flush();
        server.awaitTermination();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalTritonCommand()).execute(args));
    }
}
