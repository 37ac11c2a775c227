package com.atelier.integrations.inference;

import com.atelier.inference.TritonClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;

/**
 * The application's one Triton client over the configured endpoints ("host:port,host:port"): its channels and
 * background health probes live as long as the deployment.
 */
@ApplicationScoped
public class TritonConnection {

    private List<String> endpoints;
    private TritonClient client;

    protected TritonConnection() {
        // for CDI proxies
    }

    @Inject
    public TritonConnection(@ConfigProperty(name = "atelier.inference.endpoints", defaultValue = "127.0.0.1:8001")
                            String endpoints) {
        this.endpoints = Arrays.stream(endpoints.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public synchronized TritonClient client() {
        if (client == null) {
            client = TritonClient.connect(endpoints);
        }
        return client;
    }

    public List<String> endpoints() {
        return endpoints;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
