package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.ingest.TrackerExample;

/**
 * The shipped tracker-style export from ingest through fit-runs to the whole study, with the shipped
 * mapping file and no tolerance flags.
 */
class TrackerExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  static Path data(String f) {
    return TestStudies.conf("quick.conf").getParent().getParent().resolve("data").resolve(f);
  }

  @Test
  void theShippedExportIsTheGeneratorsOutput() throws Exception {
    assertThat(Files.readString(data("tracker-example.csv"))).isEqualTo(TrackerExample.csv());
  }

  @Test
  void exportToFitRunsWithTheMappingFileFindsTheNominalBudgetsAndAPlainLeastSquaresApproach2() throws Exception {
    Path ing = tmp.resolve("ingested");
    CliRun r = CliRun.of("ingest", "--input", data("tracker-example.csv").toString(), "--mapping",
        data("tracker-mapping.conf").toString(), "--out", ing.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // embedding-inclusive params and 3·f·D FLOPs: another convention, noted, not rejected
    assertThat(r.err()).contains("logged FLOPs are 0.742 to 1.07").contains("params include embeddings");
    JsonNode m = JSON.readTree(ing.resolve("manifest.json").toFile()).path("stages").path("ingest");
    List<String> nominal = new ArrayList<>();
    m.path("budgets").forEach(b -> {
      nominal.add(b.path("nominal").asText());
      // the grid keeps a configuration only when its compute is within 1% of the budget
      assertThat(b.path("budget").asDouble() / Double.parseDouble(b.path("nominal").asText())).isCloseTo(1,
          within(0.01));
    });
    assertThat(nominal).containsExactly("1e18", "3e18", "6e18", "1e19", "3e19", "6e19", "1e20");
    assertThat(m.path("validation").path("params_embeddings").asText()).isEqualTo("included");

    SparkSession spark = SparkTestSession.get();
    List<Row> runs = spark.read().parquet(ing.resolve("runs.parquet").toString()).collectAsList();
    assertThat(runs).hasSize(255 * 4);
    assertThat(runs.stream().map(x -> x.<String>getAs("subgroup")).distinct().sorted())
        .containsExactly("code", "news", "overall", "wiki");

    Path fit = tmp.resolve("fit");
    CliRun f = CliRun.of("fit-runs", "--input", ing.resolve("runs.parquet").toString(), "--law", "power",
        "--bootstrap", "100", "--out", fit.toString());
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.err()).contains("validation settings of").contains("budgets data");
    Map<String, Double> a2 = new HashMap<>();
    // the command stopped the shared session: get it back
    for (Row x : SparkTestSession.get().read().parquet(fit.resolve("fits.parquet").toString()).collectAsList()) {
      if (x.<String>getAs("law").equals("approach2") && x.<String>getAs("subgroup").equals("overall")) {
        a2.put(x.<String>getAs("corpus") + "/" + x.getAs("param"), x.<Double>getAs("estimate"));
        if (List.of("a", "b").contains(x.<String>getAs("param"))) {
          System.out.printf("%s %s = %.4f [%.4f, %.4f] flags '%s'%n", x.<String>getAs("corpus"), x.<String>getAs("param"),
              x.<Double>getAs("estimate"), x.<Double>getAs("ci_low"), x.<Double>getAs("ci_high"), x.<String>getAs("flags"));
          assertThat(x.<Double>getAs("ci_low")).isLessThan(x.getAs("estimate"));
          assertThat(x.<Double>getAs("ci_high")).isGreaterThan(x.getAs("estimate"));
          assertThat(x.<Double>getAs("ci_high") - x.<Double>getAs("ci_low")).as("interval width").isLessThan(0.5);
        }
      }
    }
    for (String corpus : TrackerExample.CORPORA) {
      List<Row> mine = runs.stream().filter(x -> x.<String>getAs("corpus").equals(corpus)
          && x.<String>getAs("subgroup").equals("overall")).toList();
      double[] plain = plainLeastSquaresApproach2(mine);
      System.out.printf("%s: a %.4f (plain least squares %.4f), b %.4f (plain %.4f)%n", corpus, a2.get(corpus + "/a"),
          plain[0], a2.get(corpus + "/b"), plain[1]);
      assertThat(a2.get(corpus + "/a")).as(corpus + " a").isCloseTo(plain[0], within(0.005));
      assertThat(a2.get(corpus + "/b")).as(corpus + " b").isCloseTo(plain[1], within(0.005));
      assertThat(a2).containsKey(corpus + "/log10_n_opt@1e20");
    }
  }

  @Test
  void theWholeStudyRunsFromTheExportToTheReport() throws Exception {
    Path out = tmp.resolve("study");
    CliRun r = CliRun.of("run", TestStudies.conf("tracker-example.conf").toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    SparkSession spark = SparkTestSession.get();
    List<Row> sig = spark.read().parquet(out.resolve("significance.parquet").toString()).collectAsList();
    // 3 corpora × 2 treatments (news, code) against wiki
    assertThat(sig).hasSize(6);
    assertThat(Files.exists(out.resolve("report.html")) || Files.exists(out.resolve("report"))).isTrue();
  }

  /**
   * Hoffmann et al.'s Approach 2 written out independently: per budget, the least-squares parabola
   * of loss in log10 N (and in log10 D), its vertex; budgets whose vertex falls outside the sampled
   * sizes are left out (the documented rule); then the OLS slope of the vertices on log10 C.
   */
  static double[] plainLeastSquaresApproach2(List<Row> runs) {
    double[] out = new double[2];
    String[] size = {"params", "tokens"};
    for (int s = 0; s < 2; s++) {
      TreeMap<Double, List<double[]>> byBudget = new TreeMap<>();
      for (Row x : runs) {
        byBudget.computeIfAbsent(x.<Double>getAs("budget"), k -> new ArrayList<>()).add(new double[] {
            Math.log10(((Number) x.getAs(size[s])).doubleValue()), x.<Double>getAs("loss")});
      }
      List<double[]> vertices = new ArrayList<>();
      for (var e : byBudget.entrySet()) {
        double[][] a = new double[3][4];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : e.getValue()) {
          double[] f = {1, p[0], p[0] * p[0]};
          for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
              a[i][j] += f[i] * f[j];
            }
            a[i][3] += f[i] * p[1];
          }
          lo = Math.min(lo, p[0]);
          hi = Math.max(hi, p[0]);
        }
        double[] c = gauss(a);
        double v = -c[1] / (2 * c[2]);
        if (c[2] > 0 && v >= lo && v <= hi) {
          vertices.add(new double[] {Math.log10(e.getKey()), v});
        }
      }
      double mx = vertices.stream().mapToDouble(v -> v[0]).average().orElseThrow();
      double my = vertices.stream().mapToDouble(v -> v[1]).average().orElseThrow();
      double sxy = 0;
      double sxx = 0;
      for (double[] v : vertices) {
        sxy += (v[0] - mx) * (v[1] - my);
        sxx += (v[0] - mx) * (v[0] - mx);
      }
      out[s] = sxy / sxx;
    }
    return out;
  }

  private static double[] gauss(double[][] a) {
    int n = 3;
    for (int p = 0; p < n; p++) {
      for (int r = p + 1; r < n; r++) {
        double f = a[r][p] / a[p][p];
        for (int c = p; c <= n; c++) {
          a[r][c] -= f * a[p][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double v = a[r][n];
      for (int c = r + 1; c < n; c++) {
        v -= a[r][c] * x[c];
      }
      x[r] = v / a[r][r];
    }
    return x;
  }
}
