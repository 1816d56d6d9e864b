package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vendored Vega builds in the jar are the versions package.json pins (and, where npm has
 * installed them, the very same bytes): refreshing a pin without running vendor.sh fails here.
 */
class VendoredLibrariesTest {
  static final Path BROWSER = Path.of("src", "test", "browser");
  static final String[] LIBRARIES = {"vega", "vega-lite", "vega-embed"};

  static Map<String, String> versions() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : DashboardPage.text("vendor/VERSIONS").strip().split("\n")) {
      String[] kv = line.split("=", 2);
      m.put(kv[0], kv[1]);
    }
    return m;
  }

  @Test
  void vendoredVersionsAreThePinnedOnes() throws IOException {
    JsonNode deps = new ObjectMapper().readTree(BROWSER.resolve("package.json").toFile()).get("dependencies");
    Map<String, String> vendored = versions();
    assertThat(vendored.keySet()).containsExactly(LIBRARIES);
    for (String lib : LIBRARIES) {
      assertThat(deps.get(lib).asText()).as("%s pinned exactly", lib).isEqualTo(vendored.get(lib));
      String js = DashboardPage.text("vendor/" + lib + ".min.js");
      // vega and vega-lite carry their version as a string literal; vega-embed bundles it the same way
      assertThat(js).as("%s.min.js", lib).containsAnyOf("\"" + vendored.get(lib) + "\"",
          "'" + vendored.get(lib) + "'");
      assertThat(DashboardPage.text("vendor/LICENSE-" + lib)).contains("Copyright");
    }
  }

  @Test
  void vendoredBuildsAreTheInstalledPackagesBytes() throws IOException {
    Path modules = BROWSER.resolve("node_modules");
    ExternalTools.require(Files.isDirectory(modules.resolve("vega-embed")), "the npm packages",
        "run 'npm ci' in jobs/src/test/browser");
    for (String lib : LIBRARIES) {
      Path installed = modules.resolve(lib).resolve("build").resolve(lib + ".min.js");
      assertThat(new String(DashboardPage.bytes("vendor/" + lib + ".min.js"), StandardCharsets.UTF_8)).as(lib)
          .isEqualTo(Files.readString(installed));
    }
  }
}
