package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.spark.InternalRows;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.RunRow;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.Observation;
import org.scalesweep.sim.Subgroup;

/**
 * simulate → runs.parquet (run × seed × subgroup) and items.parquet (× item) when the study has
 * item-level subgroups. The two schemas below are the pipeline's one format of runs, whether
 * simulated or ingested (see data/README.md). Units (corpus × configuration × replicate) are spread over partitions with
 * {@code spark.range}; each partition runs lib's simulator on its units. Every draw is keyed, so
 * the values do not depend on partitioning.
 */
public final class SimulateStage implements Stage {

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return ctx.study().hasItems() ? List.of(Outputs.RUNS, Outputs.ITEMS) : List.of(Outputs.RUNS);
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    if (ctx.study().isDesigned()) {
      return DesignedStages.simulate(ctx);
    }
    Study study = ctx.study();
    StudyTruths probe = new StudyTruths(study);
    long units = probe.units();
    int partitions = study.simulatePartitions() > 0 ? study.simulatePartitions()
        : (int) Math.max(1, Math.min(units, 4L * ctx.parallelism()));
    Broadcast<Study> bc = ctx.spark().sparkContext().broadcast(study, scala.reflect.ClassTag$.MODULE$.apply(Study.class));
    Map<String, Long> rows = new LinkedHashMap<>();

    ctx.begin(name(), "run-level observations of " + units + " run replicates");
    Dataset<Row> runs = ctx.spark().range(0, units, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> runRows(bc.value(), it), Encoders.row(OutputTables.RUNS.schema()));
    rows.put(Outputs.RUNS, ctx.outputs().writeParquet(Outputs.RUNS, runs));

    if (study.hasItems()) {
      ctx.begin(name(), "item-level observations");
      int itemPartitions = study.simulatePartitions() > 0 ? study.simulatePartitions()
          : (int) Math.max(1, Math.min(units, 8L * ctx.parallelism()));
      JavaRDD<InternalRow> itemRows = ctx.spark().range(0, units, 1, itemPartitions).javaRDD()
          .mapPartitions((FlatMapFunction<Iterator<Long>, InternalRow>) it -> new ItemRows(bc.value(), it));
      Dataset<Row> items = InternalRows.dataFrame(ctx.spark(), itemRows, OutputTables.ITEMS.schema());
      rows.put(Outputs.ITEMS, ctx.outputs().writeParquet(Outputs.ITEMS, items));
    }
    bc.destroy();
    return rows;
  }

  /** Run-level rows of a partition's units: the overall loss, then every case-study subgroup. */
  private static Iterator<Row> runRows(Study study, Iterator<Long> units) {
    StudyTruths t = new StudyTruths(study);
    List<Row> out = new ArrayList<>();
    while (units.hasNext()) {
      long u = units.next();
      int c = t.corpusOf(u);
      ModelConfig cfg = t.configs.get(t.configOf(u));
      int rep = t.replicateOf(u);
      String corpus = study.corpora().get(c).name();
      long corpusKey = Keys.name(corpus);
      String runId = GridStage.runId(corpus, cfg);
      if (t.structure.missing(study.seed(), corpusKey, cfg.runKey(), rep)) {
        continue; // a failed job: no rows
      }
      for (int s = 0; s < study.caseStudies().size(); s++) {
        CorpusTruth truth = t.truths[c][s];
        // subgroup 0 is the corpus's overall loss: written once, under study "overall"
        for (int g = s == 0 ? 0 : 1; g < truth.subgroups().size(); g++) {
          Subgroup sg = truth.subgroups().get(g);
          double l = truth.loss(g, cfg.params(), cfg.tokens(), cfg.budget()) * t.structure.factor(t.simulator,
              corpusKey, Keys.name(sg.name()), cfg.runKey(), cfg.architectureKey(), cfg.budget(), rep);
          Observation o = t.simulator.observe(sg, l, corpusKey, cfg.runKey(), rep, t.difficulties(sg));
          String studyName = g == 0 ? Study.OVERALL : study.caseStudies().get(s).name();
          out.add(OutputTables.RUNS.toRow(new RunRow(studyName, corpus, sg.name(), runId, rep, cfg.budget(), cfg.width(), cfg.depth(),
              cfg.params(), cfg.tokens(), cfg.sixND(), o.loss(), Double.isNaN(o.accuracy()) ? null : o.accuracy(),
              o.items())));
        }
      }
    }
    return out.iterator();
  }

  /**
   * Item rows of a partition's units, generated lazily unit by unit and subgroup by subgroup, as
   * Catalyst rows: one mutable row projected to the same reused UnsafeRow (what Spark's own scans
   * hand on), strings encoded once per unit or subgroup, item difficulties from the task's cache and
   * correctness keys extended from one prefix per subgroup.
   */
  private static final class ItemRows implements Iterator<InternalRow> {
    private final Study study;
    private final StudyTruths t;
    private final Iterator<Long> units;
    private final SpecificInternalRow row = new SpecificInternalRow(OutputTables.ITEMS.schema());
    private final UnsafeProjection project = UnsafeProjection.create(OutputTables.ITEMS.schema());
    private final UTF8String[] studyNames;
    private long corpusKey;
    private ModelConfig cfg;
    private int rep;
    private int c;
    private int s;
    private int g = 1;
    private int item;
    private double[] losses = new double[0];
    private Subgroup sg;
    private long correctKey;
    private boolean ready;
    private boolean unitOpen;

    ItemRows(Study study, Iterator<Long> units) {
      this.study = study;
      this.t = new StudyTruths(study);
      this.units = units;
      this.studyNames = study.caseStudies().stream().map(cs -> UTF8String.fromString(cs.name()))
          .toArray(UTF8String[]::new);
    }

    private boolean openNextUnit() {
      if (!units.hasNext()) {
        return false;
      }
      long unit = units.next();
      c = t.corpusOf(unit);
      cfg = t.configs.get(t.configOf(unit));
      rep = t.replicateOf(unit);
      String corpus = study.corpora().get(c).name();
      corpusKey = Keys.name(corpus);
      while (t.structure.missing(study.seed(), corpusKey, cfg.runKey(), rep)) { // failed jobs have no items
        if (!units.hasNext()) {
          return false;
        }
        unit = units.next();
        c = t.corpusOf(unit);
        cfg = t.configs.get(t.configOf(unit));
        rep = t.replicateOf(unit);
        corpus = study.corpora().get(c).name();
        corpusKey = Keys.name(corpus);
      }
      row.update(1, UTF8String.fromString(corpus));
      row.update(3, UTF8String.fromString(GridStage.runId(corpus, cfg)));
      row.setInt(4, rep);
      s = 0;
      g = 1;
      item = 0;
      unitOpen = true;
      return true;
    }

    @Override
    public boolean hasNext() {
      while (!ready) {
        if (!unitOpen && !openNextUnit()) {
          return false;
        }
        if (s >= study.caseStudies().size()) {
          unitOpen = false;
          continue;
        }
        CorpusTruth truth = t.truths[c][s];
        if (g >= truth.subgroups().size()) {
          s++;
          g = 1;
          continue;
        }
        sg = truth.subgroups().get(g);
        if (sg.items() == 0) {
          g++;
          continue;
        }
        if (item == 0) {
          if (losses.length != sg.items()) {
            losses = new double[sg.items()];
          }
          long subgroupKey = Keys.name(sg.name());
          double l = truth.loss(g, cfg.params(), cfg.tokens(), cfg.budget()) * t.structure.factor(t.simulator,
              corpusKey, subgroupKey, cfg.runKey(), cfg.architectureKey(), cfg.budget(), rep);
          t.simulator.itemLosses(l, corpusKey, subgroupKey, cfg.runKey(), rep, 0, t.difficulties(sg), losses);
          correctKey = t.simulator.correctKey(corpusKey, subgroupKey, cfg.runKey(), rep);
          row.update(0, studyNames[s]);
          row.update(2, UTF8String.fromString(sg.name()));
        }
        if (item < sg.items()) {
          ready = true;
        } else {
          item = 0;
          g++;
        }
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      row.setInt(5, item);
      row.setDouble(6, losses[item]);
      if (sg.accuracy() == null) {
        row.setNullAt(7);
      } else {
        row.setBoolean(7, t.simulator.itemCorrect(sg.accuracy(), losses[item], correctKey, item));
      }
      item++;
      ready = false;
      return project.apply(row);
    }
  }
}
