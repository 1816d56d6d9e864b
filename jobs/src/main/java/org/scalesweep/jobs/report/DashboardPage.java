package org.scalesweep.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes dashboard.html (the page template with the study's data embedded as JSON), its script and
 * style, and the vendored Vega builds with their licences under vendor/, all from the jar's
 * resources: the page opens from disk with no server and no network.
 */
final class DashboardPage {
  static final String HTML = "dashboard.html";
  static final String RESOURCES = "/dashboard/";
  static final List<String> ASSETS = List.of("dashboard.js", "dashboard.css");
  static final List<String> VENDOR = List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "LICENSE-vega",
      "LICENSE-vega-lite", "LICENSE-vega-embed", "THIRD-PARTY", "VERSIONS");
  private static final String DATA_TOKEN = "/*{{data}}*/";
  private static final String TITLE_TOKEN = "{{title}}";

  private DashboardPage() {}

  /** Writes the page and its files into {@code dir} (the report's temporary directory). */
  static void write(FileSystem fs, Path dir, String title, String dataJson) throws IOException {
    String page = text("dashboard.html");
    if (!page.contains(DATA_TOKEN) || !page.contains(TITLE_TOKEN)) {
      throw new IllegalStateException("dashboard template lacks its " + DATA_TOKEN + " or " + TITLE_TOKEN + " token");
    }
    page = page.replace(TITLE_TOKEN, Html.escape(title)).replace(DATA_TOKEN, dataJson);
    write(fs, new Path(dir, HTML), page.getBytes(StandardCharsets.UTF_8));
    for (String a : ASSETS) {
      write(fs, new Path(dir, a), bytes(a));
    }
    Path vendor = new Path(dir, "vendor");
    fs.mkdirs(vendor);
    for (String v : VENDOR) {
      write(fs, new Path(vendor, v), bytes("vendor/" + v));
    }
  }

  static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String resource) {
    try (InputStream in = DashboardPage.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCES + resource + " is missing from the jar; rebuild it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(FileSystem fs, Path p, byte[] content) throws IOException {
    try (FSDataOutputStream os = fs.create(p, true)) {
      os.write(content);
    }
  }
}
