package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.Crossovers;

/**
 * Every seed preset in a reduced form (fewer resamples, replicates or items), with its key published
 * facts asserted at tolerances derived from its noise, and its report checked.
 */
@Tag("presets")
class PresetsTest {
  @TempDir
  static Path tmp;

  private static Path run(String conf, String... sets) {
    Study study = TestStudies.load(conf, sets);
    Path out = tmp.resolve(study.name());
    Pipeline.execute(study, SparkTestSession.get(), out.toString(), Stages.all(study), false);
    checkReport(out);
    return out;
  }

  private static Map<String, Row> byStatistic(Path out) {
    Map<String, Row> m = new HashMap<>();
    SparkTestSession.get().read().parquet(out.resolve("intervals.parquet").toString()).collectAsList()
        .forEach(r -> m.put(r.getString(0), r));
    return m;
  }

  @Test
  void alignmentPretrainingReproducesSeed000() {
    Path out = run("alignment-pretraining.conf", "bootstrap.resamples=60");
    SparkSession spark = SparkTestSession.get();
    JointLaw truth = JointLaw.SEED_000_TRUTH;
    // Experiment 1 and 2 endpoints: 5-seed means within 3 standard errors (noise 0.02) of the noiseless values
    double se = Math.sqrt(Math.expm1(0.0004) * Math.exp(0.0004) / 5);
    Map<String, Double> means = new HashMap<>();
    spark.read().parquet(out.resolve("runs.parquet").toString()).groupBy("run_id").avg("loss").collectAsList()
        .forEach(r -> means.put(r.getString(0), r.getDouble(1)));
    double[][] endpoints = {{125e6, 1e6, 0}, {70e9, 1e6, 0}, {6.9e9, 1e3, 1}, {6.9e9, 1e7, 1}};
    for (double[] e : endpoints) {
      String id = String.format(java.util.Locale.ROOT, "%s-N%.3g-D%.3g", e[2] == 0 ? "model-size" : "data", e[0], e[1]);
      double t = truth.at(e[0], e[1]);
      assertThat(Math.abs(means.get(id) / t - 1)).as(id).isLessThan(3 * se);
    }
    Map<String, Row> s = byStatistic(out);
    for (String k : List.of("beta", "B", "gamma", "delta", "exp2_beta")) {
      assertThat(s.get(k).getBoolean(7)).as("interval of %s covers its truth", k).isTrue();
    }
    // the paper's allocation exponent lies inside our interval: its gap to 0.491 is estimator noise
    Row a = s.get("a");
    assertThat(0.4762).isBetween(a.getDouble(3), a.getDouble(4));
    assertThat(s.get("mixture_0p001_mean").getDouble(1)).isCloseTo(0.9881, within(0.001));
    assertThat(s.get("mixture_0p0001_slope").getDouble(1)).isPositive();
  }

  @Test
  void relativeScalingRecoversTheCaseStudiesSigns() {
    Path out = run("relative-scaling.conf", "replicates=2", "bootstrap.resamples=200",
        "case-studies.mmlu.subgroups.stem.items=300", "case-studies.mmlu.subgroups.humanities.items=300",
        "case-studies.mmlu.subgroups.social-sciences.items=300", "case-studies.mmlu.subgroups.other.items=300");
    List<Row> all = SparkTestSession.get().read().parquet(out.resolve("significance.parquet").toString())
        .collectAsList();
    List<Row> sig = all.stream().filter(r -> "paired".equals(r.getAs("pairing"))).toList();
    assertThat(sig).hasSize(3 * (3 + 10 + 4));
    // corpus vs corpus: every subgroup (4 + 11 + 5) on every pair of the three corpora, all estimable
    List<Row> unpaired = all.stream().filter(r -> "unpaired".equals(r.getAs("pairing"))).toList();
    assertThat(unpaired).hasSize(3 * (4 + 11 + 5));
    for (Row r : unpaired) {
      double est = r.getAs("delta_beta");
      double truth = r.getAs("true_delta_beta");
      assertThat(r.<Integer>getAs("common_budgets")).isEqualTo(7);
      if (Math.abs(truth) >= 0.01) {
        // the large differences (MMLU domains, Scheming and Incorrigibility between corpora): significant, right sign
        assertThat(r.<Boolean>getAs("significant") && Math.signum(est) == Math.signum(truth))
            .as("%s %s %s", r.getAs("study"), r.getAs("treatment"), r.getAs("corpus")).isTrue();
      }
    }
    for (Row r : sig) {
      String study = r.getAs("study");
      String treatment = r.getAs("treatment");
      double est = r.getAs("delta_beta");
      double truth = r.getAs("true_delta_beta");
      boolean significant = r.getAs("significant");
      if (study.equals("mmlu")) {
        // every domain converges toward STEM: significant negative delta-beta on every corpus
        assertThat(significant && est < 0).as("%s %s", treatment, r.getAs("corpus")).isTrue();
      }
      if (Math.abs(truth) >= 0.0025) {
        // large ICE (Sri Lanka, Nigeria) and AI-risk effects: the point estimate has the truth's sign
        assertThat(Math.signum(est)).as("%s %s %s", study, treatment, r.getAs("corpus")).isEqualTo(Math.signum(truth));
      }
      if (study.equals("ai-risk") && truth >= 0.01) {
        assertThat(significant).as("%s %s", treatment, r.getAs("corpus")).isTrue();
      }
    }
    // the published crossovers (seed 003 4.2): Singapore / Nigeria at 6e19 on CommonPile, Canada / Sri Lanka at
    // 3e19 on DCLM; the preset's gammas put them there, and their bootstrap intervals must hold them
    List<Row> crossovers = SparkTestSession.get().read().parquet(out.resolve("crossovers.parquet").toString())
        .collectAsList();
    Object[][] published = {
        {"commonpile", "singapore", "nigeria", 18 + Crossovers.log10Crossover(1.0209, -0.0002, 1.0117, 0.0020)},
        {"dclm", "canada", "sri-lanka", 18 + Crossovers.log10Crossover(1.0978, -0.0018, 1.080, 0.0030)}};
    for (Object[] p : published) {
      Row r = crossovers.stream().filter(c -> c.getAs("study").equals("ice") && c.getAs("corpus").equals(p[0])
          && c.getAs("treatment_1").equals(p[1]) && c.getAs("treatment_2").equals(p[2])).findFirst().orElseThrow();
      double truth = (double) p[3];
      assertThat(truth).as("%s / %s on %s", p[1], p[2], p[0]).isBetween(19.4, 19.9);
      // the Fieller set: an interval, two rays or the whole line (ci_shape)
      double lo = r.<Double>getAs("ci_low");
      double hi = r.<Double>getAs("ci_high");
      boolean holds = switch (r.<String>getAs("ci_shape")) {
        case "bounded" -> truth >= lo && truth <= hi;
        case "rays" -> truth <= lo || truth >= hi;
        case "unbounded" -> true;
        default -> false;
      };
      assertThat(holds).as("%s / %s on %s in %s", p[1], p[2], p[0], r).isTrue();
    }
    List<Row> cal = SparkTestSession.get().read().parquet(out.resolve("calibration.parquet").toString())
        .collectAsList();
    Row binned = cal.stream().filter(r -> r.getString(1).equals("lib-logistic-binned")).findFirst().orElseThrow();
    assertThat(binned.getDouble(7)).as("exact item-level vs lib binned fit").isLessThan(0.005);
    Row floored = cal.stream().filter(r -> r.getString(1).equals("lib-sigmoid-floor")).findFirst().orElseThrow();
    assertThat(floored.getDouble(3)).isCloseTo(1.85, within(0.2));
    assertThat(floored.getDouble(4)).isCloseTo(4.9, within(0.5));
  }

  @Test
  void alignmentConditionsExtrapolateToTheAnchors() {
    Path out = run("alignment-conditions.conf", "replicates=2", "bootstrap.resamples=200");
    // one sweep per condition: the misalignment rate's law on each condition's own sweep (corpus)
    List<Row> fits = SparkTestSession.get().read().parquet(out.resolve("fits.parquet").toString())
        .filter("law = 'power' and fit_on = 'frontier' and subgroup = 'misalignment'").collectAsList();
    Map<String, Double> alpha = new HashMap<>();
    Map<String, Double> beta = new HashMap<>();
    for (Row r : fits) {
      (r.<String>getAs("param").equals("alpha") ? alpha : beta).put(r.getAs("corpus"), r.<Double>getAs("estimate"));
    }
    double fa = 2.07e22 / 3;
    // anchored base-model rates: the grid's fits extrapolated two decades land within 25% of 45 / 9 %
    assertThat(alpha.get("base") * Math.pow(fa, -beta.get("base"))).isCloseTo(0.45, within(0.45 * 0.25));
    assertThat(alpha.get("alignment-upsampled") * Math.pow(fa, -beta.get("alignment-upsampled")))
        .isCloseTo(0.09, within(0.09 * 0.25));
    List<Row> sig = SparkTestSession.get().read().parquet(out.resolve("significance.parquet").toString())
        .collectAsList();
    // unpaired contrasts only: 4 conditions vs base (misalignment), 1 (post-trained), 3 (capability)
    assertThat(sig).hasSize(8).allMatch(r -> "unpaired".equals(r.getAs("pairing")));
    Row upsampled = sig.stream().filter(r -> r.getAs("study").equals("misalignment")
        && r.getAs("corpus").equals("alignment-upsampled vs base")).findFirst().orElseThrow();
    assertThat(upsampled.<Double>getAs("delta_beta")).isNegative();
    assertThat(upsampled.<Double>getAs("true_delta_beta")).isCloseTo(-0.02, within(1e-9));
  }

  @Test
  void postTrainingRecoversTheRewardModelTrendsAndTheRlhfAdvantage() {
    Path out = run("post-training.conf", "bootstrap.resamples=60");
    Map<String, Row> s = byStatistic(out);
    assertThat(s.get("rm_bon_alpha_per_decade").getDouble(3)).isPositive();
    assertThat(s.get("rm_bon_beta_per_decade").getDouble(4)).isNegative();
    assertThat(s.get("hhh_harmless_dgamma").getDouble(3)).isPositive();
    assertThat(s.get("hhh_honest_dkappa").getDouble(3)).isPositive();
    assertThat(s.get("scalerl_A").getBoolean(7)).isTrue();
  }

  /** Every figure exists, is non-empty and is referenced from index.html; the page renders in Chromium. */
  static void checkReport(Path out) {
    Path report = out.resolve("report");
    try {
      String html = Files.readString(report.resolve("index.html"));
      List<Path> pngs;
      try (var files = Files.list(report.resolve("figures"))) {
        pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
      }
      assertThat(pngs).isNotEmpty();
      for (Path png : pngs) {
        assertThat(Files.size(png)).as(png.toString()).isGreaterThan(1000);
        Path svg = Path.of(png.toString().replace(".png", ".svg"));
        assertThat(Files.size(svg)).as(svg.toString()).isGreaterThan(1000);
        org.scalesweep.jobs.report.ReportChecks.assertLabelledAxes(svg);
        assertThat(html).contains("figures/" + png.getFileName());
      }
      Matcher m = Pattern.compile("src=\"(figures/[^\"]+)\"").matcher(html);
      while (m.find()) {
        assertThat(report.resolve(m.group(1))).exists();
      }
      screenshot(report.resolve("index.html"), out.getFileName().toString());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Renders the page in headless Chromium and keeps the screenshot under target/screenshots. */
  static void screenshot(Path html, String name) throws IOException {
    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("chromium is not installed; .ci/run installs Debian's chromium package");
      }
      System.err.println("SKIP screenshot: /usr/bin/chromium not installed (apt-get install chromium)");
      return;
    }
    Path dir = Path.of("target", "screenshots").toAbsolutePath();
    Files.createDirectories(dir);
    Path png = dir.resolve(name + ".png");
    Path profile = Files.createTempDirectory("chromium-profile");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,2400", "--screenshot=" + png, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish rendering " + html + " in 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(10_000);
    System.out.println("screenshot: " + png);
  }
}
