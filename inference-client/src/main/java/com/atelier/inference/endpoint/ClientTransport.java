package com.atelier.inference.endpoint;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads behind a client's gRPC channels, owned by the client rather than shared process-wide:
 * a Netty event loop group (network I/O and gRPC's timers) and an executor for call callbacks and
 * name resolution. gRPC's defaults are static, shared resources whose threads outlive an application
 * server deployment and then fail with NoClassDefFoundError once its classes are unloaded; these are
 * shut down, and awaited, by {@link #close()}.
 *
 * <p>NIO rather than epoll: epoll loads a native library, which a JVM binds to one class loader, so a
 * redeployment could not load it again. One event loop per endpoint is enough: a channel uses one.
 */
public final class ClientTransport implements AutoCloseable {

    /** Names of the threads it starts; tests check none is left after {@link #close()}. */
    public static final String THREAD_PREFIX = "triton-client";

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final EventLoopGroup eventLoops;
    private final ExecutorService callbacks;
    private final Duration shutdownTimeout;
    /** Every thread started, so that close() can wait until each has really ended. */
    private final Queue<Thread> started = new ConcurrentLinkedQueue<>();

    public ClientTransport(int eventLoopThreads, Duration shutdownTimeout) {
        int instance = INSTANCES.incrementAndGet();
        this.shutdownTimeout = shutdownTimeout;
        this.eventLoops = new MultiThreadIoEventLoopGroup(eventLoopThreads, new DefaultThreadFactory(THREAD_PREFIX + "-" + instance + "-io", true) {
            @Override
            protected Thread newThread(Runnable runnable, String name) {
                return recorded(super.newThread(runnable, name));
            }
        }, NioIoHandler.newFactory());
        AtomicInteger callbackThreads = new AtomicInteger();
        // Unbounded like gRPC's default executor (a callback must never be rejected), idle threads end after 30 s.
        this.callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + "-" + instance + "-callback-" + callbackThreads.incrementAndGet());
            thread.setDaemon(true);
            return recorded(thread);
        });
    }

    private Thread recorded(Thread thread) {
        started.removeIf(old -> old.getState() == Thread.State.TERMINATED);
        started.add(thread);
        return thread;
    }

    /** A plaintext channel to "host:port" on this transport's threads (Triton serves gRPC without TLS in the cluster). */
    public ManagedChannel newChannel(String target, int maxInboundMessageBytes) {
        return NettyChannelBuilder.forTarget(target)
                .eventLoopGroup(eventLoops)
                .channelType(NioSocketChannel.class)
                .executor(callbacks)
                .offloadExecutor(callbacks)
                .usePlaintext()
                .maxInboundMessageSize(maxInboundMessageBytes)
                .keepAliveTime(30, TimeUnit.SECONDS)
                // Retries are the client's own (RetryPolicy), counted and bounded in one place.
                .disableRetry()
                .build();
    }

    /**
     * Stops the event loops and the callback threads and waits until they have ended, at most the
     * shutdown timeout in all. Call it after every channel made here has been shut down.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        // No quiet period: the channels are closed, nothing may submit work any more.
        eventLoops.shutdownGracefully(0, shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        callbacks.shutdown();
        try {
            eventLoops.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            if (!callbacks.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS)) {
                callbacks.shutdownNow();
            }
            // Both report termination just before their threads return: wait for the threads themselves.
            for (Thread thread : started) {
                TimeUnit.NANOSECONDS.timedJoin(thread, remaining(deadline));
            }
        } catch (InterruptedException e) {
            callbacks.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }
}
