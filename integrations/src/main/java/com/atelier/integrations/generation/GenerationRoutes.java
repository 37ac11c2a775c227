package com.atelier.integrations.generation;

import com.atelier.governance.render.RenderChain;
import com.atelier.inference.InferenceUnavailableException;
import com.atelier.inference.InvalidInferenceRequestException;
import com.atelier.inference.ModelNotReadyException;
import com.atelier.inference.UnknownModelException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;

/**
 * The generation flow after acceptance: a durable Artemis queue feeds the workers, which take each job through
 * governance's render chain, one named step after another. Errors are declared here, not in the steps:
 * <ul>
 *   <li>no Triton endpoint can serve the model (an outage): retry without limit, backing off to 15 s, so the job
 *       stays pending and completes when a pod returns;</li>
 *   <li>a request Triton will never accept: straight to the dead letters;</li>
 *   <li>anything else: 3 redeliveries with exponential backoff, then the dead letters, where the job ends FAILED
 *       with the reason and the message is kept on the dead-letter queue for operators.</li>
 * </ul>
 * A failed step is retried with the work it was given (the steps do not change their input); a job delivered
 * again after a crash starts over, and the record step writes its assets only once.
 */
public class GenerationRoutes extends RouteBuilder {

    static final String DEAD_LETTERS = "generation.dead";
    private static final String STEP = "apply";

    private final String jobs;
    private final String deadLetters;
    private final Backoff backoff;

    /** The first redelivery delays: of a failed step, and of a step that met an outage (capped). */
    public record Backoff(long failureMillis, long outageMillis, long outageMaxMillis) {
        public static final Backoff WORKERS = new Backoff(500, 1000, 15_000);
    }

    /**
     * @param jobs        where job ids arrive: the JMS consumer of the job queue (a {@code direct:} in tests)
     * @param deadLetters where a job that failed for good is kept for operators
     */
    public GenerationRoutes(String jobs, String deadLetters, Backoff backoff) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
    }

    /** The chain's steps under the names the route uses. */
    public static void bindSteps(Registry registry, RenderChain chain) {
        registry.bind("start", chain.start());
        chain.steps().forEach(registry::bind);
        registry.bind("renderChain", chain);
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("direct:generation-dead-letter")
                .useOriginalMessage()
                .maximumRedeliveries(3)
                .redeliveryDelay(backoff.failureMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN));

        onException(InferenceUnavailableException.class, ModelNotReadyException.class)
                .useOriginalMessage()
                .maximumRedeliveries(-1)
                .redeliveryDelay(backoff.outageMillis())
                .useExponentialBackOff()
                .maximumRedeliveryDelay(backoff.outageMaxMillis())
                .retryAttemptedLogLevel(LoggingLevel.INFO);

        // an onException clause does not inherit useOriginalMessage: without it the dead letters would get the
        // half-done work instead of the job id
        onException(InvalidInferenceRequestException.class, UnknownModelException.class)
                .useOriginalMessage()
                .maximumRedeliveries(0);

        from(jobs).routeId("render-chain")
                .bean("start", "start")
                .filter(body().isNotNull())     // finished, cancelled or unknown: nothing to render
                    .bean("render", STEP)
                    .bean("check", STEP)
                    .bean("sign", STEP)
                    .bean("store", STEP)
                    .bean("record", STEP)
                    .bean("notify", STEP)
                .end();

        from("direct:generation-dead-letter").routeId("generation-dead-letter")
                .process(GenerationRoutes::failJob)
                .to(deadLetters);
    }

    /**
     * The chain decides what a job that failed for good becomes. Called in Java rather than through a bean
     * expression: Camel's method-parameter syntax misreads an exception message with quotes or commas.
     */
    private static void failJob(Exchange exchange) {
        exchange.getContext().getRegistry().lookupByNameAndType("renderChain", RenderChain.class)
                .fail(exchange.getIn().getBody(String.class), exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                        Exception.class));
    }
}
