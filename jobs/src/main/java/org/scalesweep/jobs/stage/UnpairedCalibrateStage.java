package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.UnpairedCalibration;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.UnpairedCalibrationRow;

/**
 * calibrate --unpaired → calibration_unpaired.parquet: the unpaired Δβ test on R replicate pairs of
 * separately simulated sweeps per (case study, truth, grids) (lib {@link UnpairedCalibration}). Units
 * of work are (case study, truth, grids, replicate), spread with {@code spark.range}; each rebuilds its
 * pair of sweeps from keyed streams, so the table is the same on any number of partitions. The
 * outcomes (a few per unit) are summarized on the driver.
 */
public final class UnpairedCalibrateStage implements Stage {
  /**
   * @param replicates R replicate pairs per (case study, truth, grids)
   * @param caseStudies case studies to calibrate (empty: all)
   * @param corpus corpus whose truth the sweeps are simulated from (null: the first corpus)
   * @param effect Δβ of every subgroup under the effect truth
   */
  public record Options(int replicates, List<String> caseStudies, String corpus, double effect)
      implements java.io.Serializable {
    public Options {
      caseStudies = List.copyOf(caseStudies);
    }
  }

  private final Options options;

  public UnpairedCalibrateStage(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "calibrate";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return List.of(Outputs.CALIBRATION_UNPAIRED);
  }

  /** The case studies the options select (all when none is named), in the study's order. */
  private static List<Study.CaseStudy> selected(Study s, Options o) {
    return s.caseStudies().stream()
        .filter(cs -> o.caseStudies().isEmpty() || o.caseStudies().contains(cs.name())).toList();
  }

  /** The corpus whose truth is calibrated: the named one, else the study's first. */
  private static String corpus(Study s, Options o) {
    return o.corpus() != null ? o.corpus() : s.corpora().get(0).name();
  }

  /** One calibration per selected case study, on the chosen corpus's truth. */
  static List<UnpairedCalibration> calibrations(Study s, Options o) {
    String corpus = corpus(s, o);
    Study.BootstrapSettings b = s.bootstrap();
    boolean weighted = b.scheme() != ResampleScheme.BUDGET_T;
    List<UnpairedCalibration> out = new ArrayList<>();
    for (Study.CaseStudy cs : selected(s, o)) {
      out.add(new UnpairedCalibration(s.seed(), cs.truth(s.corpus(corpus)),
          cs.subgroups().stream().map(Study.SubgroupSpec::name).toList(), Study.OVERALL, GridStage.configs(s),
          s.replicates(), s.noise(), b.clusterBy(), o.effect(), weighted, b.level(), b.alpha()));
    }
    return out;
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    Study study = ctx.study();
    List<UnpairedCalibration> cals = calibrations(study, options);
    List<String> names = selected(study, options).stream().map(Study.CaseStudy::name).toList();
    Broadcast<List<UnpairedCalibration>> bc = ctx.spark().sparkContext().broadcast(cals,
        scala.reflect.ClassTag$.MODULE$.apply(List.class));
    int r = options.replicates();
    int cells = UnpairedCalibration.Truth.values().length * UnpairedCalibration.Grids.values().length;
    long units = (long) cals.size() * cells * r;
    int partitions = (int) Math.max(1, Math.min(units, 4L * ctx.parallelism()));
    ctx.begin(name(), r + " replicate pairs x " + cells + " cells x " + cals.size() + " case studies (unpaired) over "
        + partitions + " partitions");
    List<Tagged> outcomes = ctx.spark().range(0, units, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Tagged>) it -> outcomes(bc.value(), r, it),
            Encoders.javaSerialization(Tagged.class))
        .collectAsList();
    bc.destroy();
    String corpus = corpus(study, options);
    Study.BootstrapSettings b = study.bootstrap();
    String scheme = b.scheme() == ResampleScheme.BUDGET_T ? ResampleScheme.BUDGET_T.key()
        : ResampleScheme.BUDGET_WLS.key();
    List<UnpairedCalibrationRow> rows = new ArrayList<>();
    for (int c = 0; c < cals.size(); c++) {
      UnpairedCalibration cal = cals.get(c);
      int k = c;
      List<UnpairedCalibration.Outcome> mine = outcomes.stream().filter(t -> t.caseStudy() == k)
          .map(Tagged::outcome).toList();
      for (UnpairedCalibration.Summary s : cal.summarize(mine)) {
        UnpairedCalibrationRow row = new UnpairedCalibrationRow(names.get(c), corpus, s.truth().key(),
            s.grids().key(), s.subgroup(), r, s.trueDeltaBeta(), s.rejection().rate(), s.rejection().low(),
            s.rejection().high(), s.coverage().rate(), s.coverage().low(), s.coverage().high(), s.notEstimable(),
            s.meanEstimate(), s.rmse(), s.meanStandardError(), cal.grid(UnpairedCalibration.Grids.EQUAL).size(),
            cal.grid(s.grids()).size(), scheme, b.alpha(), b.level());
        rows.add(row);
        if (s.subgroup().equals("all") || cal.subgroups().size() == 1) {
          ctx.log().println(String.format(Locale.ROOT, "unpaired %-10s %-6s grids %-9s %4d replicate pairs: %s %.4f "
                  + "[%.4f, %.4f] (whole-replicate MC interval), coverage %.3f [%.3f, %.3f], RMSE %.2g vs mean SE "
                  + "%.2g, %d not estimable", names.get(c), s.truth().key(), s.grids().key(), r,
              s.truth() == UnpairedCalibration.Truth.NULL ? "false-positive rate" : "power", s.rejection().rate(),
              s.rejection().low(), s.rejection().high(), s.coverage().rate(), s.coverage().low(),
              s.coverage().high(), s.rmse(), s.meanStandardError(), s.notEstimable()));
        }
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(Outputs.CALIBRATION_UNPAIRED, ctx.outputs().writeParquet(Outputs.CALIBRATION_UNPAIRED,
        OutputTables.CALIBRATION_UNPAIRED.frame(ctx.spark(), rows).coalesce(1)));
    return out;
  }

  /** An outcome with the index of its case study. */
  public record Tagged(int caseStudy, UnpairedCalibration.Outcome outcome) implements java.io.Serializable {}

  private static Iterator<Tagged> outcomes(List<UnpairedCalibration> cals, int replicates, Iterator<Long> units) {
    int grids = UnpairedCalibration.Grids.values().length;
    List<Tagged> out = new ArrayList<>();
    while (units.hasNext()) {
      long u = units.next();
      long r = u % replicates;
      long cell = u / replicates;
      UnpairedCalibration.Grids g = UnpairedCalibration.Grids.values()[(int) (cell % grids)];
      long rest = cell / grids;
      UnpairedCalibration.Truth t = UnpairedCalibration.Truth.values()[(int) (rest % UnpairedCalibration.Truth.values().length)];
      int c = (int) (rest / UnpairedCalibration.Truth.values().length);
      for (UnpairedCalibration.Outcome o : cals.get(c).replicate(t, g, r)) {
        out.add(new Tagged(c, o));
      }
    }
    return out.iterator();
  }
}
