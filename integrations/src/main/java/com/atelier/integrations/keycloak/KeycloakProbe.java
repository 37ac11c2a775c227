package com.atelier.integrations.keycloak;

import com.atelier.governance.health.DependencyProbe;
import com.atelier.governance.health.DependencyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks that Keycloak serves the realm's OpenID configuration, without which no one can sign in. */
@ApplicationScoped
public class KeycloakProbe implements DependencyProbe {

    private URI discovery;
    private HttpClient http;

    protected KeycloakProbe() {
        // for CDI proxies
    }

    @Inject
    public KeycloakProbe(@ConfigProperty(name = "atelier.keycloak.url", defaultValue = "http://localhost:8180") String url,
                         @ConfigProperty(name = "atelier.keycloak.realm", defaultValue = "atelier") String realm) {
        this.discovery = URI.create(url.replaceAll("/+$", "") + "/realms/" + realm
                + "/.well-known/openid-configuration");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public String dependency() {
        return "keycloak";
    }

    @Override
    public DependencyStatus check(Duration timeout) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return DependencyStatus.up(dependency(), "realm discovery at " + discovery,
                        DependencyStatus.millisSince(start));
            }
            return DependencyStatus.down(dependency(), "Keycloak answered " + response.statusCode() + " for "
                    + discovery + "; is the realm imported?", DependencyStatus.millisSince(start));
        } catch (IOException e) {
            return DependencyStatus.down(dependency(), "Keycloak is unreachable at " + discovery + " (" + e
                    + "); nobody can sign in until it is back.", DependencyStatus.millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DependencyStatus.down(dependency(), "interrupted", DependencyStatus.millisSince(start));
        }
    }
}
