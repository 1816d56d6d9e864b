package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.stage.RelativeCurves;
import org.scalesweep.jobs.stage.ReportStage;

/** What the report stage writes for the dashboard, checked against the Parquet it came from. */
class DashboardTest {
  static Path out;
  static Path report;

  @BeforeAll
  static void run() {
    out = ReportFixture.run();
    report = out.resolve("report");
  }

  /** The shared fixture's report folder (other test classes call the helpers below before or without this class). */
  private static Path fixtureReport() {
    return ReportFixture.run().resolve("report");
  }

  /** A CSV mirror as rows of column → text (the CSVs here have no quoted commas). */
  static List<Map<String, String>> csv(String name) throws IOException {
    List<String> lines = Files.readAllLines(fixtureReport().resolve(name));
    String[] head = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < head.length; i++) {
        m.put(head[i], f[i]);
      }
      rows.add(m);
    }
    return rows;
  }

  static JsonNode embeddedData() throws IOException {
    String html = Files.readString(fixtureReport().resolve("dashboard.html"));
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"scalesweep-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("embedded data block").isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  @Test
  void pageOpensOfflineWithItsVendoredLibrariesAndEmbeddedData() throws IOException {
    String html = Files.readString(report.resolve("dashboard.html"));
    // every script and stylesheet is a relative path inside the report: nothing from the network
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    List<String> targets = new ArrayList<>();
    while (refs.find()) {
      targets.add(refs.group(1));
    }
    assertThat(targets).isNotEmpty().noneMatch(t -> t.contains("://"));
    for (String t : targets) {
      assertThat(report.resolve(t)).as("linked from dashboard.html").exists();
    }
    for (String v : DashboardPage.VENDOR) {
      assertThat(Files.readAllBytes(report.resolve("vendor").resolve(v))).as(v)
          .isEqualTo(DashboardPage.bytes("vendor/" + v));
    }
    JsonNode data = embeddedData();
    assertThat(data.at("/meta/study").asText()).isEqualTo("quick");
    assertThat(data.at("/meta/case_studies")).hasSize(2);
    for (String t : List.of("runs", "frontier", "power_fits", "significance", "crossovers", "curves")) {
      assertThat(data.at("/tables/" + t + "/rows").size()).as(t).isPositive();
    }
    assertThat(data.at("/tables/runs/rows").size()).isEqualTo(csv(RunsSummary.CSV).size());
    assertThat(data.at("/tables/curves/rows").size()).isEqualTo(csv(RelativeCurves.CSV).size());
    assertThat(data.at("/tables/significance/rows").size()).isEqualTo(csv("significance.csv").size());
  }

  @Test
  void runsSummaryAveragesTheSeedReplicatesAndCarriesTheConfiguration() throws IOException {
    List<Row> runs = SparkTestSession.get().read().parquet(out.resolve("runs.parquet").toString())
        .groupBy("study", "corpus", "subgroup", "run_id").avg("loss").collectAsList();
    Map<String, Double> mean = new HashMap<>();
    runs.forEach(r -> mean.put(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3),
        r.getDouble(4)));
    Map<String, Row> grid = new HashMap<>();
    SparkTestSession.get().read().parquet(out.resolve("grid.parquet").toString()).collectAsList()
        .forEach(g -> grid.put(g.<String>getAs("run_id"), g));
    List<Map<String, String>> summary = csv(RunsSummary.CSV);
    assertThat(summary).hasSize(mean.size());
    for (Map<String, String> s : summary) {
      String key = s.get("study") + "|" + s.get("corpus") + "|" + s.get("subgroup") + "|" + s.get("run_id");
      assertThat(Double.parseDouble(s.get("loss"))).as(key).isCloseTo(mean.get(key), within(1e-12));
      assertThat(s.get("replicates")).isEqualTo("2");
      assertThat(Double.parseDouble(s.get("loss_sd"))).isPositive();
      Row g = grid.get(s.get("run_id"));
      assertThat(Long.parseLong(s.get("batch"))).isEqualTo(g.<Long>getAs("batch"));
      assertThat(Double.parseDouble(s.get("learning_rate"))).isEqualTo(g.<Double>getAs("learning_rate"));
      assertThat(Integer.parseInt(s.get("width"))).isEqualTo(g.<Integer>getAs("width"));
    }
  }

  @Test
  void relativeCurvesAgreeWithTheFrontierAndTheSignificanceTable() throws IOException {
    Map<String, Double> lossOpt = new HashMap<>();
    for (Map<String, String> f : csv("frontier.csv")) {
      lossOpt.put(f.get("study") + "|" + f.get("corpus") + "|" + f.get("subgroup") + "|" + f.get("budget"),
          Double.parseDouble(f.get("loss_opt")));
    }
    Map<String, Map<String, String>> sig = new HashMap<>();
    for (Map<String, String> s : csv("significance.csv")) {
      sig.put(s.get("study") + "|" + s.get("corpus") + "|" + s.get("treatment"), s);
    }
    List<Map<String, String>> curves = csv(RelativeCurves.CSV);
    int atBudgets = 0;
    for (Map<String, String> c : curves) {
      String contrast = c.get("study") + "|" + c.get("corpus") + "|" + c.get("treatment");
      Map<String, String> s = sig.get(contrast);
      double f = Double.parseDouble(c.get("flops"));
      double fit = Double.parseDouble(c.get("fit"));
      double gamma = Double.parseDouble(s.get("gamma"));
      double deltaBeta = Double.parseDouble(s.get("delta_beta"));
      assertThat(fit).as(contrast).isCloseTo(gamma * Math.pow(f, deltaBeta), within(1e-9 * fit));
      assertThat(Double.parseDouble(c.get("band_low"))).as(contrast).isLessThanOrEqualTo(fit);
      assertThat(Double.parseDouble(c.get("band_high"))).as(contrast).isGreaterThanOrEqualTo(fit);
      if (Boolean.parseBoolean(c.get("at_budget"))) {
        atBudgets++;
        String prefix = c.get("study") + "|" + c.get("corpus") + "|";
        double ratio = lossOpt.get(prefix + c.get("treatment") + "|" + c.get("flops"))
            / lossOpt.get(prefix + c.get("baseline") + "|" + c.get("flops"));
        assertThat(Double.parseDouble(c.get("observed"))).as(contrast).isCloseTo(ratio, within(1e-12));
      } else {
        assertThat(c.get("observed")).isEmpty();
      }
    }
    // 2 corpora × (2 + 1 contrasts) × 3 budgets
    assertThat(atBudgets).isEqualTo(18);
    // the planted effect (Δβ = −0.02) closes its gap: G falls from the smallest to the largest budget
    List<Map<String, String>> faster = curves.stream()
        .filter(c -> c.get("corpus").equals("dclm") && c.get("treatment").equals("faster")).toList();
    assertThat(Double.parseDouble(faster.get(faster.size() - 1).get("fit")))
        .isLessThan(Double.parseDouble(faster.get(0).get("fit")) * 0.95);
  }

  @Test
  void rerunningTheReportReproducesEveryDashboardFileByteForByte() throws IOException {
    List<String> files = List.of("dashboard.html", RunsSummary.CSV, RelativeCurves.CSV);
    Map<String, byte[]> before = new HashMap<>();
    for (String f : files) {
      before.put(f, Files.readAllBytes(report.resolve(f)));
    }
    Pipeline.execute(ReportFixture.study(), SparkTestSession.get(), out.toString(), List.of(new ReportStage()),
        false);
    for (String f : files) {
      assertThat(new String(Files.readAllBytes(report.resolve(f)), StandardCharsets.UTF_8)).as(f)
          .isEqualTo(new String(before.get(f), StandardCharsets.UTF_8));
    }
  }
}
