package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * dashboard.html of a fresh quick run in a real browser: headless Debian Chromium driven by
 * Playwright (jobs/src/test/browser/dashboard-check.mjs). The screenshot stays in
 * jobs/target/screenshots/dashboard.png.
 */
@Tag("browser")
class DashboardBrowserTest {
  static final Path TOOLS = Path.of("src", "test", "browser").toAbsolutePath();
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @Test
  void everyChartDrawsAndAnotherCorpusChangesWhatIsShownWithoutConsoleErrors() throws Exception {
    Path node = ExternalTools.onPath("node");
    ExternalTools.require(node != null, "node", "install Node.js (apt-get install nodejs)");
    ExternalTools.require(Files.isDirectory(TOOLS.resolve("node_modules/playwright-core")), "playwright-core",
        "run 'npm ci' in jobs/src/test/browser");
    ExternalTools.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM, "apt-get install chromium");

    Path dashboard = ReportFixture.run().resolve("report/dashboard.html");
    Path screenshot = Path.of("target", "screenshots", "dashboard.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);
    ExternalTools.Result r = ExternalTools.run(List.of(node.toString(), "dashboard-check.mjs", dashboard.toString(),
        screenshot.toString()), TOOLS, Map.of("CHROMIUM", CHROMIUM.toString()), 180);
    System.out.printf(Locale.ROOT, "browser check took %.1f s; screenshot: %s%n%s%n", r.seconds(), screenshot,
        r.output());
    assertThat(r.code()).as("dashboard-check.mjs output:%n%s", r.output()).isZero();
    assertThat(r.output()).contains("\"failures\":[]");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }
}
