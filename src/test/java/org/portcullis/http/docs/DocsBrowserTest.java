package org.portcullis.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * /docs in a real browser: Debian's headless Chromium, driven through its chromedriver, opens the page,
 * finds every operation of the OpenAPI document listed, and runs GET /health with "Try it out". The
 * screenshot is kept as target/docs-screenshot.png.
 *
 * <p>Without Chromium the test is skipped on a developer's machine, but fails under CI (CI set), where
 * .ci/run installs it: a browser test that quietly never runs would be a test that cannot fail.
 */
class DocsBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "docs-screenshot.png");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    /** The first render of the OpenAPI document and of Swagger UI can be slow on a loaded 2-core machine. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url, Map.of());

    private static ChromeDriverService service;
    private static ChromeDriver browser;

    @BeforeAll
    static void openTheBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = CHROMIUM + " and " + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
                fail("CI is set but the browser test cannot run: it needs " + missing);
            }
            abort("DocsBrowserTest skipped: it needs " + missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver named outright: Selenium would otherwise look one up, and fetch one, with Selenium Manager.
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeTheBrowser() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
        }
    }

    /**
     * Waits for {@code css} to appear inside {@code parent} and then to be clickable: Swagger UI renders an
     * expanded operation's buttons a moment after the click, so looking the button up at once could miss it.
     */
    private static WebElement clickable(WebDriverWait wait, WebElement parent, String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(parent, By.cssSelector(css)))));
    }

    @Test
    void everyOperationIsListedAndTryItOutRunsGetHealth() throws Exception {
        long started = System.nanoTime();
        String origin = "http://127.0.0.1:" + APP.getLocalPort();
        Set<String> documented = operations(fetch(origin + "/api/v1/openapi.json"));
        assertThat(documented).contains("GET /health", "POST /api/v1/auth/login");

        browser.get(origin + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(driver -> driver.findElements(By.cssSelector(".opblock")).size() >= documented.size());
        assertThat(browser.getCurrentUrl()).isEqualTo(origin + "/docs/");
        assertThat(browser.getTitle()).isEqualTo("Portcullis API");
        assertThat(rendered()).isEqualTo(documented);

        WebElement health = operation("GET", "/health");
        health.findElement(By.cssSelector(".opblock-summary-control")).click();
        clickable(wait, health, "button.try-out__btn").click();
        clickable(wait, health, "button.execute").click();
        wait.until(driver -> !health.findElements(By.cssSelector(".live-responses-table tr.response .response-col_status")).isEmpty());
        String status = health.findElement(By.cssSelector(".live-responses-table tr.response .response-col_status")).getText();
        assertThat(status.trim()).startsWith("200");

        Files.createDirectories(SCREENSHOT.getParent());
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        assertThat(policyViolations()).as("Content-Security-Policy violations in the console").isEmpty();
        assertThat(requestsElsewhere(origin)).as("requests that left the service's origin").isEmpty();
        System.out.printf("DocsBrowserTest: %d operations listed, GET /health answered %s in the page, %.1f s%n",
                documented.size(), status.trim(), (System.nanoTime() - started) / 1e9);
    }

    /** "METHOD /path" for every operation of an OpenAPI document. */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> {
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        });
        return operations;
    }

    /** "METHOD /path" for every operation block Swagger UI rendered. */
    private static Set<String> rendered() {
        Set<String> operations = new TreeSet<>();
        for (WebElement block : browser.findElements(By.cssSelector(".opblock"))) {
            operations.add(block.findElement(By.cssSelector(".opblock-summary-method")).getText().trim() + " "
                    + block.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path"));
        }
        return operations;
    }

    private static WebElement operation(String method, String path) {
        return browser.findElements(By.cssSelector(".opblock")).stream()
                .filter(block -> block.findElement(By.cssSelector(".opblock-summary-method")).getText().trim().equals(method)
                        && path.equals(block.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path")))
                .findFirst().orElseThrow(() -> new AssertionError("no block for " + method + " " + path));
    }

    private static List<String> policyViolations() {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        return violations;
    }

    /** Every URL the page asked for that is not on the service's origin (data: URLs are in the page itself). */
    private static List<String> requestsElsewhere(String origin) throws Exception {
        List<String> elsewhere = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).get("message");
            if ("Network.requestWillBeSent".equals(message.get("method").asText())) {
                String url = message.get("params").get("request").get("url").asText();
                if (!url.startsWith(origin + "/") && !url.startsWith("data:")) {
                    elsewhere.add(url);
                }
            }
        }
        return elsewhere;
    }

    private static JsonNode fetch(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
