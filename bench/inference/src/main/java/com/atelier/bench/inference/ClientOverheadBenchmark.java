package com.atelier.bench.inference;

import com.atelier.inference.TritonClient;
import com.atelier.inference.TritonClientSettings;
import com.atelier.inference.image.TextToImageEncoding;
import com.atelier.inference.image.TextToImageRequest;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.image.GenerationTimings;
import com.atelier.inference.protocol.ModelInferRequest;
import com.atelier.inference.protocol.ModelInferResponse;
import com.atelier.inference.tensor.InferenceResult;
import com.google.protobuf.ByteString;
import com.atelier.localtriton.LocalTritonServer;
import com.atelier.localtriton.ServerOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures what the typed client costs per ModelInfer over a raw generated stub call, against the
 * local server with zero simulated GPU time and its response cache on (so the server answers from
 * memory and the difference is the client's own work), and throughput with 1, 8, 64 calls in flight.
 */
public final class ClientOverheadBenchmark {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        int callsPerRound = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int throughputSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ServerOptions options = ServerOptions.forTests().withResponseCacheBytes(64L * 1024 * 1024);
        TextToImageRequest request = TextToImageRequest.builder("flux2", "benchmark lighthouse").seed(1).size(256, 256).steps(4).build();
        ModelInferRequest rawRequest = TextToImageEncoding.encode(request).toProto();

        try (LocalTritonServer server = LocalTritonServer.start(options);
             TritonClient client = new TritonClient(TritonClientSettings.forEndpoints(List.of(server.target()))
                     .withServerTimings(false))) {
            ManagedChannel channel = Grpc.newChannelBuilder(server.target(), InsecureChannelCredentials.create())
                    .maxInboundMessageSize(TritonClientSettings.DEFAULT_MAX_INBOUND_BYTES).build();
            GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
            Call raw = () -> stub.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).modelInfer(rawRequest);
            Call typed = () -> client.generate(request, DEADLINE);
            int responseBytes = stub.modelInfer(rawRequest).getSerializedSize();

            System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; response %d bytes (256² PNG from the server's cache)%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"), responseBytes);
            System.out.println("warm-up: 3 x " + callsPerRound + " calls per path");
            for (int i = 0; i < 3; i++) {
                latencies(raw, callsPerRound);
                latencies(typed, callsPerRound);
            }
            List<long[]> rawRounds = new ArrayList<>();
            List<long[]> typedRounds = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                // Interleaved rounds so that drift (GC, JIT, noisy neighbours) hits both paths alike.
                rawRounds.add(latencies(raw, callsPerRound));
                typedRounds.add(latencies(typed, callsPerRound));
            }
            long[] rawAll = merge(rawRounds);
            long[] typedAll = merge(typedRounds);
            System.out.println();
            System.out.println("latency, 1 call in flight, " + rawAll.length + " calls per path (µs)");
            System.out.println("path        p50      p90      p99     mean");
            report("raw stub", rawAll);
            report("typed", typedAll);
            System.out.printf(Locale.ROOT, "typed - raw at p50: %.1f µs; per round: %s%n",
                    (percentile(typedAll, 50) - percentile(rawAll, 50)) / 1000.0, perRoundDelta(rawRounds, typedRounds));

            System.out.println();
            ModelInferResponse response = stub.modelInfer(rawRequest);
            long[] ownWork = latencies(() -> clientSideWork(request, response), callsPerRound * 10);
            Arrays.sort(ownWork);
            System.out.printf(Locale.ROOT, "typed client's own work, no network (validate, encode, serialize, decode, copy PNG), %d calls: p50 %.1f µs, p99 %.1f µs%n",
                    ownWork.length, percentile(ownWork, 50) / 1000.0, percentile(ownWork, 99) / 1000.0);

            System.out.println();
            System.out.println("throughput, " + throughputSeconds + " s per run (calls/s)");
            System.out.println("in flight   raw stub     typed");
            for (int inFlight : new int[] {1, 8, 64}) {
                double rawRate = throughput(raw, inFlight, throughputSeconds);
                double typedRate = throughput(typed, inFlight, throughputSeconds);
                System.out.printf(Locale.ROOT, "%9d %10.0f %9.0f%n", inFlight, rawRate, typedRate);
            }
            channel.shutdownNow();
        }
    }

    /** What generate() adds around the stub call, minus endpoint selection (a few atomic reads). */
    private static Object clientSideWork(TextToImageRequest request, ModelInferResponse response) {
        request.violations(ModelCatalog.FLUX2.limits().orElseThrow());
        ByteString wire = TextToImageEncoding.encode(request).toProto().toByteString();
        return TextToImageEncoding.decode(request, InferenceResult.fromProto(response, "bench"),
                GenerationTimings.clientOnly(Duration.ofNanos(wire.size())));
    }

    @FunctionalInterface
    private interface Call {
        Object run();
    }

    private static long[] latencies(Call call, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double throughput(Call call, int inFlight, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder done = new LongAdder();
        CountDownLatch finished = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            Thread caller = new Thread(() -> {
                while (running.get()) {
                    call.run();
                    done.increment();
                }
                finished.countDown();
            });
            caller.setDaemon(true);
            caller.start();
        }
        // Warm-up second, then the measured window.
        TimeUnit.SECONDS.sleep(1);
        long before = done.sum();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        double rate = (done.sum() - before) / ((System.nanoTime() - start) / 1e9);
        running.set(false);
        finished.await();
        return rate;
    }

    private static long[] merge(List<long[]> rounds) {
        long[] all = rounds.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static String perRoundDelta(List<long[]> raw, List<long[]> typed) {
        List<String> deltas = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            long[] r = raw.get(i).clone();
            long[] t = typed.get(i).clone();
            Arrays.sort(r);
            Arrays.sort(t);
            deltas.add(String.format(Locale.ROOT, "%.1f", (percentile(t, 50) - percentile(r, 50)) / 1000.0));
        }
        return String.join(", ", deltas) + " µs";
    }

    private static void report(String path, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-9s %7.1f  %7.1f  %7.1f  %7.1f%n", path,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 90) / 1000.0, percentile(sorted, 99) / 1000.0, mean / 1000.0);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
