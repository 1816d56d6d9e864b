package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Outputs;

/** The study report (index.html and its figures) of the shared quick run: what a reader meets first. */
class ReportTest {
  static Path out;
  static Path report;
  static String html;

  @BeforeAll
  static void run() throws IOException {
    out = ReportFixture.run();
    report = out.resolve("report");
    html = Files.readString(report.resolve("index.html"));
  }

  @Test
  void everyFigureHasLabelledTicksOnBothAxes() throws IOException {
    List<Path> svgs;
    try (Stream<Path> s = Files.list(report.resolve("figures"))) {
      svgs = s.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
    }
    // 2 corpora × (IsoFLOP, frontier, tokens per parameter) + 2 case studies × (2 × (loss, relative) + forest)
    assertThat(svgs).hasSizeGreaterThanOrEqualTo(16);
    svgs.forEach(ReportChecks::assertLabelledAxes);
    // the forest labels every row (treatment / corpus): 2 treatments × 2 corpora
    assertThat(SvgAxes.yTickLabels(Files.readString(report.resolve("figures/forest-demo.svg")))).isEqualTo(4);
  }

  @Test
  void legendExponentsEqualTheAllocationTableAtItsPrintedPrecision() {
    Tables t = new Tables(Map.of(Outputs.FITS, parquet("fits.parquet"), Outputs.FRONTIER, parquet("frontier.parquet")));
    for (Study.Corpus corpus : ReportFixture.study().corpora()) {
      Matcher m = Pattern.compile("<tr><td class=\"s\">" + Pattern.quote(corpus.name())
          + "</td><td>([-\\d.]+)(?: \\[[^\\]]*\\])?</td><td>([-\\d.]+)").matcher(html);
      assertThat(m.find()).as("allocation row of %s", corpus.name()).isTrue();
      XYChart c = RelativeFigures.frontierChart(corpus.name(), t);
      assertThat(c.getSeriesMap().keySet()).as(corpus.name())
          .contains("N* ∝ F^" + m.group(1), "D* ∝ F^" + m.group(2));
    }
  }

  @Test
  void theFindingsBlockOpensTheReportWithItsThreeSentences() {
    int findings = html.indexOf("<section class=\"findings\">");
    assertThat(findings).isPositive().isLessThan(html.indexOf("config hash")).isLessThan(html.indexOf("<h2>Overall loss"));
    String block = html.substring(findings, html.indexOf("</section>", findings));
    for (Study.CaseStudy cs : ReportFixture.study().caseStudies()) {
      assertThat(block).contains("<h3>" + cs.name(), "Narrowing with compute (Δβ &lt; 0, surviving Benjamini–Hochberg",
          "Widening with compute", "Parity with " + cs.baseline() + " (G = 1)");
    }
    // the planted effect (faster on dclm, Δβ = −0.02) narrows and survives; its cell carries the mark
    assertThat(block).contains("Narrowing with compute (Δβ &lt; 0, surviving Benjamini–Hochberg over the 4 contrasts of "
        + "demo): faster (");
    assertThat(block).containsPattern("-0\\.02\\d\\d " + FindingsBlock.SURVIVES);
    // the per-contrast sentences are folded away
    assertThat(block).contains("<details><summary>Per-contrast sentences");
    assertThat(block).contains("Against the simulation's truth");
  }

  @Test
  void pValuesAtTheBootstrapFloorAreWrittenAsBounds() {
    int atFloor = 0;
    for (Row r : parquet("significance.parquet")) {
      double p = r.getAs("p_value");
      int valid = r.getAs("valid_resamples");
      double floor = 2.0 / (valid + 1);
      if (Math.abs(p - floor) < 1e-12) {
        atFloor++;
        String bound = "p ≤ " + String.format(Locale.ROOT, "%.2g", floor);
        assertThat(html).contains(r.<String>getAs("treatment") + " vs " + r.<String>getAs("baseline") + " — ")
            .contains(bound);
        assertThat(html).doesNotContain(String.format(Locale.ROOT, "p = %.4f", p));
      }
    }
    assertThat(atFloor).as("the planted effect's p sits at the floor").isPositive();
  }

  @Test
  void staticFiguresAndTheDashboardShareOneSubgroupColourMap() throws IOException {
    JsonNode data = DashboardTest.embeddedData();
    for (Study.CaseStudy cs : ReportFixture.study().caseStudies()) {
      JsonNode colors = data.at("/meta/case_studies").findParents("name").stream()
          .filter(n -> n.get("name").asText().equals(cs.name())).findFirst().orElseThrow().get("colors");
      Map<String, Color> map = SubgroupColors.of(cs);
      assertThat(map.get(cs.baseline())).isEqualTo(Color.BLACK);
      String svg = Files.readString(report.resolve("figures/loss-" + cs.name() + "-"
          + ReportFixture.study().corpora().get(0).name() + ".svg"));
      for (Study.SubgroupSpec g : cs.subgroups()) {
        Color c = map.get(g.name());
        assertThat(colors.get(g.name()).asText()).as("%s in the dashboard", g.name()).isEqualTo(SubgroupColors.hex(c));
        assertThat(svg).as("%s in the static figure", g.name())
            .contains(String.format(Locale.ROOT, "fill:rgb(%d,%d,%d)", c.getRed(), c.getGreen(), c.getBlue()));
      }
    }
    assertThat(data.at("/meta/significant_color").asText()).isEqualTo(SubgroupColors.hex(Charts.SIGNIFICANT));
    assertThat(SubgroupColors.PALETTE).doesNotContain(Charts.SIGNIFICANT, Color.BLACK);
  }

  @Test
  void parityFollowsFromTheContrastsEstimatesAndIsResolvedOnlyInsideTheBudgets() throws IOException {
    Map<String, Row> sig = new LinkedHashMap<>();
    parquet("significance.parquet").forEach(r -> sig.put(r.getAs("study") + "|" + r.getAs("corpus") + "|"
        + r.getAs("treatment"), r));
    List<Map<String, String>> parity = DashboardTest.csv(Outputs.PARITY_CSV);
    assertThat(parity).hasSize(sig.size());
    for (Map<String, String> p : parity) {
      Row s = sig.get(p.get("study") + "|" + p.get("corpus") + "|" + p.get("treatment"));
      double gamma = s.getAs("gamma");
      double deltaBeta = s.getAs("delta_beta");
      double lo = Double.parseDouble(p.get("budget_low"));
      assertThat(Double.parseDouble(p.get("log10_parity"))).isCloseTo(-Math.log10(gamma) / deltaBeta, within(1e-9));
      assertThat(Double.parseDouble(p.get("g_at_low"))).isCloseTo(gamma * Math.pow(lo, deltaBeta), within(1e-9));
      if (Boolean.parseBoolean(p.get("resolved"))) {
        assertThat(p.get("ci_shape")).isEqualTo("bounded");
        assertThat(Double.parseDouble(p.get("ci_low"))).isGreaterThanOrEqualTo(Math.log10(lo));
        assertThat(Double.parseDouble(p.get("ci_high"))).isLessThanOrEqualTo(Math.log10(Double.parseDouble(p.get("budget_high"))));
      }
    }
  }

  private static List<Row> parquet(String name) {
    return SparkTestSession.get().read().parquet(out.resolve(name).toString()).collectAsList();
  }
}
