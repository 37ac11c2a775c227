package com.atelier.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser sign-in: a page of the portal redirects to Keycloak's login form, the user signs in there and lands
 * on the PrimeFaces home page listing their workspaces. Plain HTTP with cookies, as a browser would send it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @Test
    void designerSignsInThroughKeycloakAndSeesTheirWorkspaces() throws Exception {
        String slug = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = ApiClient.as("admin");
        assertThat(admin.post("/workspaces", "{\"slug\":\"" + slug + "\",\"name\":\"Autumn Lookbook\"}").status())
                .isEqualTo(201);
        assertThat(admin.put("/workspaces/" + slug + "/members/designer", "{\"role\":\"designer\"}").status())
                .isEqualTo(200);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();

        HttpResponse<String> loginPage = get(browser, Portal.BASE + "/");
        assertThat(loginPage.uri().toString()).startsWith(Portal.KEYCLOAK + "/realms/atelier/");
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak login form").isTrue();

        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=designer&password="
                                + URLEncoder.encode("demo", StandardCharsets.UTF_8) + "&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/app/home.xhtml");
        assertThat(home.body()).contains("Your workspaces").contains("Autumn Lookbook").contains(slug)
                .contains("designer");
    }

    @Test
    void pagesRedirectAnonymousVisitorsToKeycloak() throws Exception {
        HttpClient noRedirects = HttpClient.newHttpClient();

        HttpResponse<String> answer = noRedirects.send(HttpRequest.newBuilder(URI.create(Portal.BASE + "/app/home.xhtml"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(Portal.KEYCLOAK + "/realms/atelier/protocol/openid-connect/auth")
                .contains("client_id=atelier-web"));
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
