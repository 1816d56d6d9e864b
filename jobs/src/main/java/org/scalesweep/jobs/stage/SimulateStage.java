package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.unsafe.types.UTF8String;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.spark.InternalRows;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.sim.Subgroup;

/**
 * simulate → runs.parquet (run × seed × subgroup) and items.parquet (× item) when the study has
 * item-level subgroups. The two schemas below are the pipeline's one format of runs, whether
 * simulated or ingested (see data/README.md). Units (corpus × configuration × replicate) are spread over partitions with
 * {@code spark.range}; each partition runs lib's simulator on its units. Every draw is keyed, so
 * the values do not depend on partitioning.
 *
 * <p>Each unit is simulated once ({@link SimulatedUnit}): the job that writes items.parquet also
 * makes the unit's run rows (the means of the same item draws) and hands them to the driver through
 * an accumulator, keyed by unit; runs.parquet is then written from them, partitioned as before, and a
 * unit whose rows did not arrive is simulated again. A study without items simulates in the runs job.
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
    long itemRowCount = -1;
    Map<Long, Row[]> simulated = Map.of();

    if (study.hasItems()) {
      // one pass: the tasks that write items.parquet also hand the run rows of their units to the driver
      ctx.begin(name(), "item-level observations of " + units + " run replicates");
      int itemPartitions = study.simulatePartitions() > 0 ? study.simulatePartitions()
          : (int) Math.max(1, Math.min(units, 8L * ctx.parallelism()));
      CollectionAccumulator<SimulatedUnit.Runs> runsOut = ctx.spark().sparkContext().collectionAccumulator("simulated runs");
      JavaRDD<InternalRow> itemRows = ctx.spark().range(0, units, 1, itemPartitions).javaRDD()
          .mapPartitions((FlatMapFunction<Iterator<Long>, InternalRow>) it -> new ItemRows(bc.value(), it, runsOut));
      Dataset<Row> items = InternalRows.dataFrame(ctx.spark(), itemRows, OutputTables.ITEMS.schema());
      itemRowCount = ctx.outputs().writeParquet(Outputs.ITEMS, items);
      simulated = new HashMap<>();
      for (SimulatedUnit.Runs r : runsOut.value()) {
        simulated.put(r.unit(), r.rows()); // a unit's rows are the same in every attempt of its task
      }
    }

    ctx.begin(name(), "run-level observations of " + units + " run replicates");
    Broadcast<Map<Long, Row[]>> done = ctx.spark().sparkContext().broadcast(simulated,
        scala.reflect.ClassTag$.MODULE$.apply(Map.class));
    Dataset<Row> runs = ctx.spark().range(0, units, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> runRows(bc.value(), done.value(), it),
            Encoders.row(OutputTables.RUNS.schema()));
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(Outputs.RUNS, ctx.outputs().writeParquet(Outputs.RUNS, runs));
    if (itemRowCount >= 0) {
      rows.put(Outputs.ITEMS, itemRowCount);
    }
    done.destroy();
    bc.destroy();
    return rows;
  }

  /**
   * Run-level rows of a partition's units, in unit order: the rows the item pass already made, else
   * (a study without items) the unit simulated here.
   */
  private static Iterator<Row> runRows(Study study, Map<Long, Row[]> simulated, Iterator<Long> units) {
    SimulatedUnit unit = null;
    List<Row> out = new ArrayList<>();
    while (units.hasNext()) {
      long u = units.next();
      Row[] done = simulated.get(u);
      if (done == null) {
        if (unit == null) {
          unit = new SimulatedUnit(study, false);
        }
        if (!unit.load(u)) {
          continue; // a failed job: no rows
        }
        done = unit.runRows();
      }
      out.addAll(Arrays.asList(done));
    }
    return out.iterator();
  }

  /**
   * Item rows of a partition's units, generated unit by unit (each unit simulated once by
   * {@link SimulatedUnit}, whose run rows go to the driver through an accumulator), as Catalyst rows:
   * one mutable row, handed on as it is (Spark's scan of the RDD projects every row to an UnsafeRow
   * before the writer sees it, so a projection here would copy each row twice), strings encoded once
   * per unit or subgroup.
   */
  private static final class ItemRows implements Iterator<InternalRow> {
    private final SimulatedUnit sim;
    private final Study study;
    private final Iterator<Long> units;
    private final CollectionAccumulator<SimulatedUnit.Runs> runsOut;
    private final SpecificInternalRow row = new SpecificInternalRow(OutputTables.ITEMS.schema());
    private final UTF8String[] studyNames;
    private int slot;
    private int item;
    private Subgroup sg;
    private double[] losses;
    private boolean[] correct;
    private boolean ready;
    private boolean unitOpen;

    ItemRows(Study study, Iterator<Long> units, CollectionAccumulator<SimulatedUnit.Runs> runsOut) {
      this.study = study;
      this.sim = new SimulatedUnit(study, true);
      this.units = units;
      this.runsOut = runsOut;
      this.studyNames = study.caseStudies().stream().map(cs -> UTF8String.fromString(cs.name()))
          .toArray(UTF8String[]::new);
    }

    private boolean openNextUnit() {
      while (units.hasNext()) {
        long unit = units.next();
        if (!sim.load(unit)) {
          continue; // failed jobs have no runs and no items
        }
        runsOut.add(new SimulatedUnit.Runs(unit, sim.runRows()));
        String corpus = study.corpora().get(sim.corpus()).name();
        row.update(1, UTF8String.fromString(corpus));
        row.update(3, UTF8String.fromString(GridStage.runId(corpus, sim.config())));
        row.setInt(4, sim.replicate());
        slot = -1;
        item = 0;
        sg = null;
        unitOpen = true;
        return true;
      }
      return false;
    }

    @Override
    public boolean hasNext() {
      while (!ready) {
        if (!unitOpen && !openNextUnit()) {
          return false;
        }
        if (sg != null && item < sg.items()) {
          ready = true;
          continue;
        }
        slot++;
        item = 0;
        if (slot >= sim.slots()) {
          unitOpen = false;
          sg = null;
          continue;
        }
        sg = sim.slotSubgroup(slot);
        losses = sim.slotLosses(slot);
        correct = sim.slotCorrect(slot);
        row.update(0, studyNames[sim.slotStudy(slot)]);
        row.update(2, UTF8String.fromString(sg.name()));
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
        row.setBoolean(7, correct[item]);
      }
      item++;
      ready = false;
      return row;
    }
  }
}
