package org.scalesweep.jobs.report;

import static org.apache.spark.sql.functions.avg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.design.DesignedStudy;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Csv;
import org.scalesweep.jobs.table.IntervalRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/**
 * The report of a designed study: every statistic ours vs the noiseless truth vs the source paper,
 * with intervals, and the kind's figures.
 */
public final class DesignedReport {
  private DesignedReport() {}

  public static Map<String, Long> run(Outputs outputs, Study study) {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    Map<String, StructType> schemas = new LinkedHashMap<>();
    for (String name : List.of(Outputs.FITS, Outputs.INTERVALS, Outputs.FRONTIER)) {
      if (name.equals(Outputs.FRONTIER) && !outputs.exists(name)) {
        continue;
      }
      Dataset<Row> df = outputs.readParquet(name);
      schemas.put(name, df.schema());
      tables.put(name, df.collectAsList());
    }
    DesignedStudy design = study.designed();
    List<String> keys = new java.util.ArrayList<>(List.of("experiment", "run_id"));
    keys.addAll(design.attributes());
    Dataset<Row> means = outputs.readParquet(Outputs.RUNS)
        .groupBy(keys.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .agg(avg("loss").alias("loss")).orderBy("experiment", "run_id");
    schemas.put(AlignmentFigures.POINT_MEANS, means.schema());
    tables.put(AlignmentFigures.POINT_MEANS, means.collectAsList());
    Tables t = new Tables(tables);
    Path tmp = outputs.tmpPath(Outputs.REPORT);
    Map<String, Long> rows = new LinkedHashMap<>();
    try {
      outputs.fs().mkdirs(new Path(tmp, "figures"));
      for (var e : tables.entrySet()) {
        String csv = Outputs.csvName(e.getKey());
        outputs.writeUtf8(new Path(tmp, csv), Csv.of(schemas.get(e.getKey()), e.getValue()));
        rows.put(Outputs.REPORT + "/" + csv, (long) e.getValue().size());
      }
      List<Figure> figures = study.kind() == Study.Kind.ALIGNMENT_PRETRAINING
          ? AlignmentFigures.write(study, t, outputs.fs(), new Path(tmp, "figures"))
          : PostTrainingFigures.write(t, outputs.fs(), new Path(tmp, "figures"));
      rows.put(Outputs.REPORT + "/figures", (long) figures.size());
      outputs.writeUtf8(new Path(tmp, "index.html"), html(study, t, figures));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    outputs.stage(tmp, Outputs.REPORT);
    return rows;
  }

  private static String html(Study study, Tables t, List<Figure> figures) {
    Map<String, IntervalRow> iv = new LinkedHashMap<>();
    t.get(Outputs.INTERVALS).stream().map(OutputTables.INTERVALS::fromRow).forEach(r -> iv.put(r.statistic(), r));
    StringBuilder h = Html.page(study.reportTitle() + " — ScaleSweep report", study.reportTitle());
    h.append("<p>").append(Html.escape(study.description())).append("</p>\n");
    h.append(String.format(Locale.ROOT, "<p class=\"meta\">config hash %s · seed %d · %d replicates per point"
            + " · %d resamples over run replicates, percentile intervals at %.0f%%</p>%n",
        study.configHash().substring(0, 12), study.seed(), study.replicates(), study.bootstrap().resamples(),
        100 * study.bootstrap().level()));
    h.append("<table><tr><th>statistic</th><th>truth (noiseless data)</th><th>ours</th><th>interval</th>")
        .append("<th>covers truth</th><th>published</th><th>ours − published</th><th>published in interval</th></tr>\n");
    Map<String, String> labels = study.designed().labels();
    labels.forEach((k, label) -> emit(h, iv.get(k), label));
    iv.keySet().stream().filter(k -> !labels.containsKey(k)).sorted().forEach(k -> emit(h, iv.get(k), k));
    h.append("</table>\n");
    if (study.kind() == Study.Kind.ALIGNMENT_PRETRAINING) {
      h.append("<p>Reading the table. The truth column is every statistic computed by the same pipeline on noiseless"
        + " data, so it is what the estimator targets: e.g. Experiment 1's offset folds the data term B/D^β into E"
        + " (the paper's E = 0.044), and Approach 2's parabolas give a ≈ β/(α+β) = 0.491. The paper's allocation"
        + " exponent 0.4762 lies inside our interval: with noise 0.02 over 5 seeds the IsoFLOP curves are flat near"
        + " their minimum and the optimum moves, so 0.476 vs 0.491 is within the estimator's noise, not a different"
        + " truth. The joint fit's A is poorly identified on this design (model-size terms are 2–10% of the loss at"
        + " D = 1e6), which is why the paper's A is 42% off and our interval for A is wide. The paper's true law"
        + " (Table 1's True column), γ and δ are inputs of this truth: finding them again is recovery. Its fitted"
        + " figures are not inputs: only where our interval holds one is it reproduced; its two optimal losses lie"
        + " below ours because the paper reads the lowest of its noisy grid values, a minimum biased low"
        + " (docs/STUDIES.md).</p>\n");
    } else {
      h.append("<p>Reading the table. Seeds 001 and 004 give the laws' forms, not these values: the truths are this"
          + " preset's assumptions (see conf/post-training.conf). HHH: κ couples a metric's error to pretraining loss;"
          + " an interval of κ(RLHF) − κ(SFT) that excludes 0 says the loss → HHH relationship is not the same across"
          + " techniques (seed 001's question); γ(RLHF) − γ(SFT) compares their post-training compute scaling."
          + " Reward models: α should rise and β fall with RM size (seed 004). ScaleRL: fitted on the low-compute"
          + " runs only; the held-out error shows how far the sigmoid extrapolates.</p>\n");
    }
    for (Figure f : figures) {
      h.append(Html.figure(f));
    }
    h.append("<p class=\"meta\">Tables: <a href=\"fits.csv\">fits.csv</a> · <a href=\"intervals.csv\">intervals.csv</a>")
        .append(" · <a href=\"point_means.csv\">point_means.csv</a></p>\n").append("</body></html>\n");
    return h.toString();
  }

  private static void emit(StringBuilder h, IntervalRow r, String label) {
    if (r == null) {
      return;
    }
    double est = r.estimate();
    double lo = r.ciLow();
    double hi = r.ciHigh();
    double truth = r.truth();
    boolean covers = r.coversTruth();
    Double pub = r.published();
    h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%s</td><td>%s</td><td>[%s, %s]</td>"
            + "<td class=\"s%s\">%s</td><td>%s</td><td>%s</td><td class=\"s\">%s</td></tr>%n", Html.escape(label),
        num(truth), num(est), num(lo), num(hi), covers ? "" : " bad", covers, pub == null ? "" : num(pub),
        pub == null ? "" : num(est - pub), pub == null ? "" : String.valueOf(pub >= lo && pub <= hi)));
  }

  private static String num(double v) {
    return ReportHtml.format(v);
  }
}
