package com.atelier.inference.endpoint;

import com.atelier.inference.InferenceFailedException;
import com.atelier.inference.InferenceTimeoutException;
import com.atelier.inference.InferenceUnavailableException;
import com.atelier.inference.ModelNotReadyException;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one unary call against the pool: picks an endpoint, counts the call as outstanding there, and
 * on UNAVAILABLE fails over to another endpoint with backoff, within the retry policy and the call's
 * overall deadline. Other failures map to typed exceptions at once.
 */
public final class FailoverInvoker {

    /** The call itself, given the chosen endpoint and the overall deadline to put on its stub. */
    @FunctionalInterface
    public interface EndpointCall<T> {
        T call(TritonEndpoint endpoint, Deadline deadline);
    }

    private final EndpointPool pool;
    private final RetryPolicy retryPolicy;
    private final Duration probeTimeout;

    public FailoverInvoker(EndpointPool pool, RetryPolicy retryPolicy, Duration probeTimeout) {
        this.pool = pool;
        this.retryPolicy = retryPolicy;
        this.probeTimeout = probeTimeout;
    }

    /** The answer with the endpoint that gave it. */
    public record Answer<T>(T value, TritonEndpoint endpoint) {
    }

    public <T> Answer<T> invoke(String model, Duration timeout, EndpointCall<T> call) {
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        Set<TritonEndpoint> failed = new HashSet<>();
        StatusRuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            Optional<TritonEndpoint> chosen = pool.select(model, failed);
            if (chosen.isEmpty() && attempt > 1) {
                // Every endpoint failed this call once: re-probe, then allow any that recovered.
                pool.probeAll(shorter(probeTimeout, deadline));
                chosen = pool.select(model, Set.of());
            }
            if (chosen.isEmpty() && attempt == 1) {
                // Known before sending anything: nothing can serve the model right now.
                throw noEndpoint(model, lastFailure);
            }
            if (chosen.isEmpty()) {
                if (attempt < retryPolicy.maxAttempts()) {
                    pause(retryPolicy.backoffAfter(attempt), deadline, model, timeout, lastFailure);
                }
                continue;
            }
            TritonEndpoint endpoint = chosen.get();
            endpoint.callStarted();
            try {
                return new Answer<>(call.call(endpoint, deadline), endpoint);
            } catch (StatusRuntimeException e) {
                Status status = e.getStatus();
                if (status.getCode() == Status.Code.DEADLINE_EXCEEDED || deadline.isExpired()) {
                    throw new InferenceTimeoutException(model, timeout, e);
                }
                if (!retryable(status)) {
                    throw new InferenceFailedException(status.getCode().name(),
                            "Triton endpoint " + endpoint.target() + " rejected the call to model '" + model + "': "
                                    + TritonEndpoint.describe(status), e);
                }
                recordFailure(endpoint, model, status);
                failed.add(endpoint);
                lastFailure = e;
            } finally {
                endpoint.callFinished();
            }
            if (attempt < retryPolicy.maxAttempts()) {
                pause(retryPolicy.backoffAfter(attempt), deadline, model, timeout, lastFailure);
            }
        }
        throw new InferenceUnavailableException("Model '" + model + "' could not be reached after "
                + retryPolicy.maxAttempts() + " attempts; last error: " + TritonEndpoint.describe(lastFailure.getStatus())
                + ". Endpoints: " + pool.describe(), lastFailure);
    }

    private static boolean retryable(Status status) {
        // NOT_FOUND: this pod does not know the model (rolling deployment); another may.
        return status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.NOT_FOUND;
    }

    private static void recordFailure(TritonEndpoint endpoint, String model, Status status) {
        if (status.getCode() == Status.Code.NOT_FOUND || modelLevel(status)) {
            endpoint.markModelNotReady(model, status);
        } else {
            endpoint.markDown(status);
        }
    }

    /** Triton answers UNAVAILABLE "... has no available versions" for a known model that is not loaded. */
    private static boolean modelLevel(Status status) {
        String description = status.getDescription();
        return description != null && (description.contains("no available versions") || description.contains("is not ready"));
    }

    private RuntimeException noEndpoint(String model, StatusRuntimeException lastFailure) {
        if (pool.anyReady()) {
            return new ModelNotReadyException(model, pool.describe());
        }
        return new InferenceUnavailableException("No Triton endpoint is reachable and ready for model '" + model
                + "': " + pool.describe() + ". Check the inference pods or the endpoint list.", lastFailure);
    }

    private static void pause(Duration backoff, Deadline deadline, String model, Duration timeout, Throwable cause) {
        if (backoff.toNanos() >= deadline.timeRemaining(TimeUnit.NANOSECONDS)) {
            throw new InferenceTimeoutException(model, timeout, cause);
        }
        try {
            // Backoff between attempts is the point here: it spaces retries against a recovering pod.
            TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceUnavailableException("Interrupted while waiting to retry model '" + model + "'", e);
        }
    }

    private static Duration shorter(Duration timeout, Deadline deadline) {
        long remaining = Math.max(1, deadline.timeRemaining(TimeUnit.NANOSECONDS));
        return Duration.ofNanos(Math.min(timeout.toNanos(), remaining));
    }
}
