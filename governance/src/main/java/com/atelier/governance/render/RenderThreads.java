package com.atelier.governance.render;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;

/**
 * The container's managed threads the output checks run on side by side. Looked up by its global name: the
 * chain runs on Camel's worker threads, which have no {@code java:comp} of their own.
 */
@ApplicationScoped
public class RenderThreads implements Executor {

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }
}
