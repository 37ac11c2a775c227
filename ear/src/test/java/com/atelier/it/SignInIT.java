package com.atelier.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @Test
    void designerSignsInThroughKeycloakAndSeesTheirWorkspaces() throws Exception {
        String slug = TestWorkspaces.withDesigner("signin", "Autumn Lookbook");
        HttpClient browser = browser();

        HttpResponse<String> home = signIn(browser, "designer");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/app/home.xhtml");
        assertThat(home.body()).contains("Your workspaces").contains("Autumn Lookbook").contains(slug)
                .contains("designer");
    }

    @Test
    void designerGeneratesFromTheGeneratePageAndTheJobRuns() throws Exception {
        String slug = TestWorkspaces.withDesigner("ui", "UI generation");
        LocalTriton.ensureRunning();
        HttpClient browser = signedIn("designer");

        HttpResponse<String> page = get(browser, Portal.BASE + "/app/generate.xhtml");
        assertThat(page.body()).contains("sdxl").contains("flux2").contains("sd35-large").contains(slug);
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertThat(viewState.find()).isTrue();
        String prompt = "a ceramic vase " + UUID.randomUUID();
        String form = String.join("&",
                "generate-form=generate-form",
                "generate-form:workspace_input=" + slug,
                "generate-form:models=sdxl", "generate-form:models=flux2",
                "generate-form:prompt=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8),
                "generate-form:size_input=512x512",
                "generate-form:count_input=1",
                "generate-form:seed_hinput=11",
                "generate-form:generate=generate-form:generate",
                "jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8));
        HttpResponse<String> submitted = browser.send(HttpRequest.newBuilder(URI.create(Portal.BASE + "/app/generate.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).containsPattern("Job [0-9a-f-]{36}");
        var designer = ApiClient.as("designer");
        var job = Awaitility.await("the page's job succeeds").atMost(Duration.ofSeconds(60))
                .until(() -> designer.get("/workspaces/" + slug + "/assets?size=10").json(),
                        assets -> assets.get("total").asLong() == 2);
        assertThat(job.get("items").findValuesAsText("model")).containsExactlyInAnyOrder("sdxl", "flux2");
        assertThat(job.get("items").findValuesAsText("seed")).containsOnly("11");
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeadersAndTheSessionCookieIsSameSite() throws Exception {
        List<String> portalCookies = new CopyOnWriteArrayList<>();
        LocalhostCookies jar = new LocalhostCookies();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .cookieHandler(new CookieHandler() {
                    @Override
                    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                        return jar.get(uri, headers);
                    }

                    @Override
                    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                        if (uri.toString().startsWith(Portal.BASE)) {
                            headers.forEach((name, values) -> {
                                if ("Set-Cookie".equalsIgnoreCase(name)) {
                                    portalCookies.addAll(values);
                                }
                            });
                        }
                        jar.put(uri, headers);
                    }
                }).build();

        HttpResponse<String> home = signIn(browser, "designer");

        assertThat(home.uri().toString()).startsWith(Portal.BASE);
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(portalCookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
        var api = ApiClient.as("designer").get("/me");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
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

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
    }

    private static HttpClient signedIn(String username) throws Exception {
        HttpClient browser = browser();
        assertThat(signIn(browser, username).statusCode()).isEqualTo(200);
        return browser;
    }

    /** Opens the portal, is sent to Keycloak's login form, signs in there and lands back on the portal. */
    private static HttpResponse<String> signIn(HttpClient browser, String username) throws Exception {
        HttpResponse<String> loginPage = get(browser, Portal.BASE + "/");
        assertThat(loginPage.uri().toString()).startsWith(Portal.KEYCLOAK + "/realms/atelier/");
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak login form").isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + URLEncoder.encode("demo", StandardCharsets.UTF_8) + "&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
