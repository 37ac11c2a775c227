package com.atelier.integrations.generation;

import com.atelier.inference.InferenceUnavailableException;
import com.atelier.inference.InvalidInferenceRequestException;
import com.atelier.inference.ModelNotReadyException;
import com.atelier.inference.UnknownModelException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The generation flow after acceptance (ARCHITECTURE.md, steps 3-4): a durable Artemis queue feeds the workers,
 * which render through Triton, check, store and record each job. Error handling is declared here:
 * <ul>
 *   <li>no Triton endpoint can serve the model (an outage): retry without limit, backing off to 15 s, so the job
 *       stays pending and completes when a pod returns;</li>
 *   <li>a request Triton will never accept: straight to the dead letters;</li>
 *   <li>anything else: 3 redeliveries with exponential backoff, then the dead letters, where the job ends FAILED
 *       with the reason and the message is kept on the dead-letter queue for operators.</li>
 * </ul>
 */
public class GenerationRoutes extends RouteBuilder {

    static final String DEAD_LETTERS = "generation.dead";

    private final JobRunner runner;
    private final int workers;
    private final String jobs;
    private final String deadLetters;

    /**
     * @param jobs        the broker-wide name of the job queue (see BrokerConnections#queue)
     * @param deadLetters the broker-wide name of the dead-letter queue
     */
    public GenerationRoutes(JobRunner runner, int workers, String jobs, String deadLetters) {
        this.runner = runner;
        this.workers = workers;
        this.jobs = jobs;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("direct:generation-dead-letter")
                .useOriginalMessage()
                .maximumRedeliveries(3)
                .redeliveryDelay(500)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN));

        onException(InferenceUnavailableException.class, ModelNotReadyException.class)
                .maximumRedeliveries(-1)
                .redeliveryDelay(1000)
                .useExponentialBackOff()
                .maximumRedeliveryDelay(15_000)
                .retryAttemptedLogLevel(LoggingLevel.INFO);

        onException(InvalidInferenceRequestException.class, UnknownModelException.class)
                .maximumRedeliveries(0);

        // CLIENT_ACKNOWLEDGE: a job is acknowledged only after the route has finished with it, so a worker that
        // dies mid-job leaves it on the broker for another.
        from("jms:queue:" + jobs + "?concurrentConsumers=" + workers
                + "&acknowledgementModeName=CLIENT_ACKNOWLEDGE")
                .routeId("generation-worker")
                .process(exchange -> runner.run(exchange.getIn().getBody(String.class)));

        from("direct:generation-dead-letter")
                .routeId("generation-dead-letter")
                .process(exchange -> runner.fail(exchange.getIn().getBody(String.class),
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .to("jms:queue:" + deadLetters);
    }
}
