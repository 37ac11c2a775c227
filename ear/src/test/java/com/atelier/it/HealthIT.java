package com.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/health against real PostgreSQL, Artemis, Keycloak and CPU inference server processes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @AfterAll
    static void leaveInferenceRunning() {
        LocalTriton.ensureRunning();
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> map = new HashMap<>();
        array.forEach(node -> map.put(node.get("dependency").asText(), node));
        return map;
    }

    @Test
    void reportsEveryDependencyAndEachInferenceEndpointWhenAllAreUp() {
        LocalTriton.ensureRunning();

        // An inference pod that has just started is seen at the next probe: poll, as a load balancer would.
        var health = Awaitility.await("health turns green").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ApiClient.anonymous().get("/health"), answer -> answer.status() == 200);

        Map<String, JsonNode> dependencies = byName(health.json().get("dependencies"));
        assertThat(dependencies).containsOnlyKeys("database", "broker", "keycloak", "inference");
        dependencies.values().forEach(d -> assertThat(d.get("up").asBoolean()).as(d.toString()).isTrue());
        Map<String, JsonNode> endpoints = byName(dependencies.get("inference").get("parts"));
        assertThat(endpoints.get("127.0.0.1:18001").get("up").asBoolean()).isTrue();
        assertThat(endpoints.get("127.0.0.1:18002").get("up").asBoolean())
                .as("an endpoint that is down is reported, and does not take inference down").isFalse();
        assertThat(dependencies.get("inference").get("detail").asText()).contains("1 of 2");
    }

    @Test
    void inferenceDownIsA503ProblemThatSaysSo() {
        LocalTriton.stop();

        var health = ApiClient.anonymous().get("/health");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.contentType()).startsWith("application/problem+json");
        assertThat(health.json().get("detail").asText()).contains("inference").contains("0 of 2");
        assertThat(byName(health.json().get("dependencies")).get("database").get("up").asBoolean()).isTrue();
    }
}
