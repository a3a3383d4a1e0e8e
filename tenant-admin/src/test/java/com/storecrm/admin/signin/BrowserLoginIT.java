package com.storecrm.admin.signin;

import static com.storecrm.admin.TenantRequests.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.admin.AdminApi;
import com.storecrm.admin.TenantAdminIntegrationTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A person signs in with a real headless Chromium: authorization code with PKCE through the login
 * form, then the code is exchanged for tokens tied to the tenant user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserLoginIT extends TenantAdminIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ADMIN_PASSWORD = "admin-password";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebDriver driver;
    private Path profile;
    private String slug;
    private String adminUserId;

    @BeforeAll
    void startBrowserAndOnboard() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser tests need Chromium at %s (Debian package 'chromium')", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need ChromeDriver at %s (Debian package 'chromium-driver')", CHROMEDRIVER).isTrue();
        // Never let Selenium Manager look for (or download) a driver: the machine is offline.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);

        slug = "browser_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        AdminApi.Response created = api().post("/api/platform/tenants", api().operatorToken(), tenant(slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        adminUserId = created.json().get("adminUserId").asString();
    }

    @AfterAll
    void quitBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (profile != null) {
                deleteRecursively(profile);
            }
        }
    }

    /** Each test starts signed out. */
    @BeforeEach
    void signedOut() {
        driver.get(base() + "/login");
        driver.manage().deleteAllCookies();
    }

    @Test
    void aPersonSignsInAndTheCodeIsExchangedForTokensOfTheirTenantUser() {
        Pkce pkce = Pkce.create();
        String state = UUID.randomUUID().toString();

        driver.get(authorizeUrl(pkce.challenge(), state));
        awaitLoginPage();
        screenshot(Path.of("target", "login-page.png"));
        signIn("admin@" + slug, ADMIN_PASSWORD);

        Map<String, String> callback = awaitRedirect();
        assertThat(callback).containsEntry("state", state).containsKey("code").doesNotContainKey("error");

        AdminApi.Response tokens = exchange(callback.get("code"), pkce.verifier());
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        JsonNode access = AdminApi.claimsOf(tokens.json().get("access_token").asString());
        assertThat(access.get("tenant").asString()).isEqualTo(slug);
        assertThat(access.get("uid").asString()).isEqualTo(adminUserId);
        assertThat(access.get("sub").asString()).isEqualTo("admin@" + slug);
        assertThat(access.get("aud").toString()).contains("crm", "analytics", "tenant-admin");
        assertThat(access.get("scope").toString()).contains("crm", "openid");
        assertThat(tokens.json().has("id_token")).as(tokens.toString()).isTrue();
        JsonNode id = AdminApi.claimsOf(tokens.json().get("id_token").asString());
        assertThat(id.get("tenant").asString()).isEqualTo(slug);
        assertThat(id.get("uid").asString()).isEqualTo(adminUserId);
        assertThat(id.get("aud").toString()).contains(PlatformClients.WEB);

        AdminApi.Response replay = exchange(callback.get("code"), pkce.verifier());
        assertThat(replay.status()).as("a code is good for one exchange: " + replay).isEqualTo(400);
        assertThat(replay.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithAnError() {
        driver.get(authorizeUrl(Pkce.create().challenge(), "wrong-password"));
        awaitLoginPage();

        signIn("admin@" + slug, "not-the-password");

        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("error"));
        assertThat(driver.getCurrentUrl()).startsWith(base() + "/login").doesNotStartWith(REDIRECT_URI);
        assertThat(driver.findElements(By.name("password"))).as("the login form is shown again").isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("[role=alert]"))).as("the page says what went wrong")
                .singleElement().satisfies(alert -> assertThat(alert.getText()).isNotBlank());
    }

    @Test
    void aPersonOfASuspendedTenantCannotSignIn() {
        String operator = api().operatorToken();
        AdminApi.Response suspended = api().post("/api/platform/tenants/" + slug + "/suspend", operator, "");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        try {
            driver.get(authorizeUrl(Pkce.create().challenge(), "suspended"));
            awaitLoginPage();

            signIn("admin@" + slug, ADMIN_PASSWORD);

            new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("error"));
            assertThat(driver.getCurrentUrl()).startsWith(base() + "/login").doesNotContain("code=");
            assertThat(driver.findElements(By.name("password"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("[role=alert]"))).isNotEmpty();
        } finally {
            AdminApi.Response resumed = api().post("/api/platform/tenants/" + slug + "/resume", operator, "");
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        }
    }

    @Test
    void anAuthorizationRequestWithoutACodeChallengeIsRefused() {
        String url = base() + "/oauth2/authorize?" + query(Map.of("response_type", "code", "client_id", PlatformClients.WEB,
                "redirect_uri", REDIRECT_URI, "scope", "openid crm", "state", "no-pkce"));

        navigateToUnreachable(url);

        Map<String, String> callback = awaitRedirect();
        assertThat(callback).doesNotContainKey("code").containsEntry("error", "invalid_request")
                .containsEntry("state", "no-pkce");
        assertThat(callback.get("error_description")).contains("code_challenge");
    }

    @Test
    void aCodeExchangedWithTheWrongVerifierIsRefused() {
        Pkce pkce = Pkce.create();
        driver.get(authorizeUrl(pkce.challenge(), "wrong-verifier"));
        awaitLoginPage();
        signIn("admin@" + slug, ADMIN_PASSWORD);
        Map<String, String> callback = awaitRedirect();
        assertThat(callback).containsKey("code");

        AdminApi.Response refused = exchange(callback.get("code"), Pkce.create().verifier());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(refused.body()).doesNotContain("access_token");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String authorizeUrl(String challenge, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", PlatformClients.WEB);
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", "openid crm");
        params.put("state", state);
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        return base() + "/oauth2/authorize?" + query(params);
    }

    private static String query(Map<String, String> params) {
        return String.join("&", params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .toList());
    }

    /** A navigation that ends at the redirect URI, where nothing listens, fails to load; only the address matters. */
    private void navigateToUnreachable(String url) {
        try {
            driver.get(url);
        } catch (WebDriverException e) {
            if (!String.valueOf(e.getMessage()).contains("ERR_CONNECTION_REFUSED")) {
                throw e;
            }
        }
    }

    private void awaitLoginPage() {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(base() + "/login")
                && !d.findElements(By.name("username")).isEmpty());
    }

    private void signIn(String username, String password) {
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Nothing listens at the redirect URI; the browser's address is all the test needs. */
    private Map<String, String> awaitRedirect() {
        String url = new WebDriverWait(driver, WAIT).until(d -> {
            String current = d.getCurrentUrl();
            return current != null && current.startsWith(REDIRECT_URI) ? current : null;
        });
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private AdminApi.Response exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", PlatformClients.WEB);
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        form.put("code_verifier", verifier);
        return api().form("/oauth2/token", query(form));
    }


    private void screenshot(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
