package org.scalesweep.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.InvalidInputException;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.testing.Cases;
import org.scalesweep.testing.Gen;

/**
 * Randomly damaged runs.parquet files (columns dropped or retyped, cells null, NaN, infinite, zero,
 * negative, huge or renamed, rows dropped or duplicated) through the fit and bootstrap stages: each
 * ends in flagged outputs with one significance row per contrast, or in an InvalidInputException
 * naming the file; never another exception, never a hang. 20 generated damage lists, on seeded
 * generators ({@link Cases}).
 */
class RunsInputPropertyTest {
  static final AtomicInteger TRIED = new AtomicInteger();
  static final AtomicInteger REJECTED = new AtomicInteger();
  static final Object[] NUMBERS = {null, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -1.0,
      1e300, 1e-300, 9.3e18, 3e9, 2.5};
  static final Object[] NAMES = {null, "", "x", "dclm2", "ü", "a,b", "overall", "faster"};

  /** A table being damaged: column names, types and rows. */
  record Table(List<String> names, List<DataType> types, List<Object[]> rows) {
    int column(String name) {
      return names.indexOf(name);
    }
  }

  /** One damage to a table. */
  interface Damage {
    void apply(Table t);
  }

  @AfterAll
  static void report() {
    System.out.printf("runs.parquet property test: %d generated inputs tried, %d ran with flags, %d rejected with "
        + "exit code 2%n", TRIED.get(), TRIED.get() - REJECTED.get(), REJECTED.get());
  }

  @TestFactory
  Stream<DynamicTest> damagedRunsGiveFlaggedOutputsOrAClearError() {
    return Cases.of("damaged runs.parquet", 20261203L, 20, g -> {
      try {
        damagedRunsGiveFlaggedOutputsOrAClearError(damages(g));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void damagedRunsGiveFlaggedOutputsOrAClearError(List<Damage> damages) throws IOException {
    TRIED.incrementAndGet();
    StructType schema = SparkTestSession.get().read().parquet(QuickRun.dir().resolve(Outputs.RUNS).toString())
        .schema();
    Table t = new Table(new ArrayList<>(List.of(schema.fieldNames())), new ArrayList<>(), new ArrayList<>());
    for (StructField f : schema.fields()) {
      t.types().add(f.dataType());
    }
    for (Row r : SparkTestSession.get().read().parquet(QuickRun.dir().resolve(Outputs.RUNS).toString())
        .collectAsList()) {
      Object[] v = new Object[r.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      t.rows().add(v);
    }
    damages.forEach(d -> d.apply(t));
    Path dir = Files.createTempDirectory("scalesweep-damaged");
    try {
      StructType damaged = new StructType();
      for (int i = 0; i < t.names().size(); i++) {
        damaged = damaged.add(t.names().get(i), t.types().get(i), true);
      }
      List<Row> rows = t.rows().stream().map(RowFactory::create).toList();
      SparkTestSession.get().createDataFrame(rows, damaged).coalesce(1).write()
          .parquet(dir.resolve(Outputs.RUNS).toString());
      Study study = TestStudies.load("quick.conf", "fit.approach3.screen=1", "bootstrap.resamples=20");
      try {
        assertTimeoutPreemptively(Duration.ofMinutes(3),
            () -> StageRun.log(study, dir, List.of(new FitStage(), new BootstrapStage()), false));
      } catch (InvalidInputException e) {
        REJECTED.incrementAndGet();
        assertThat(e.getMessage()).contains(Outputs.RUNS);
        return;
      }
      var spark = SparkTestSession.get();
      for (Row r : spark.read().parquet(dir.resolve(Outputs.FITS).toString()).filter("isnan(estimate)")
          .collectAsList()) {
        assertThat(r.<String>getAs("flags")).as("NaN estimate without a flag: %s", r).isNotEmpty();
      }
      List<Row> sig = spark.read().parquet(dir.resolve(Outputs.SIGNIFICANCE).toString()).orderBy("treatment")
          .collectAsList();
      assertThat(sig).extracting(r -> r.<String>getAs("treatment")).containsExactly("faster", "parallel");
      for (Row r : sig) {
        if (!Double.isFinite(r.<Double>getAs("delta_beta"))) {
          assertThat(r.<String>getAs("flags")).isNotEmpty();
        }
      }
    } finally {
      QuickRun.delete(dir);
    }
  }

  /** One to five damages: cells and losses most often, columns dropped or retyped, rows dropped or duplicated. */
  static List<Damage> damages(Gen g) {
    Supplier<String> columns = () -> g.of("study", "corpus", "subgroup", "run_id", "seed", "budget", "width", "depth",
        "params", "tokens", "loss");
    Supplier<Damage> drop = () -> {
      String c = columns.get();
      return t -> {
        int i = t.column(c);
        if (i >= 0) {
          t.names().remove(i);
          t.types().remove(i);
          t.rows().replaceAll(r -> without(r, i));
        }
      };
    };
    Supplier<Damage> retype = () -> {
      String c = columns.get();
      DataType type = g.of(DataTypes.StringType, DataTypes.FloatType, DataTypes.LongType, DataTypes.BooleanType);
      return t -> retype(t, c, type);
    };
    Supplier<Damage> cell = () -> {
      String c = columns.get();
      int row = g.ints(0, 279);
      int k = g.ints(0, NUMBERS.length - 1);
      return t -> setCell(t, c, row, k);
    };
    Supplier<Damage> loss = () -> {
      int row = g.ints(0, 279);
      int k = g.ints(0, NUMBERS.length - 1);
      return t -> setCell(t, "loss", row, k);
    };
    Supplier<Damage> dropRows = () -> {
      String c = g.of("subgroup", "run_id", "corpus", "seed");
      int row = g.ints(0, 279);
      return t -> {
        int i = t.column(c);
        if (i >= 0 && !t.rows().isEmpty()) {
          Object v = t.rows().get(row % t.rows().size())[i];
          t.rows().removeIf(r -> Objects.equals(r[i], v));
        }
      };
    };
    Supplier<Damage> everyNth = () -> {
      int n = g.ints(1, 7);
      return t -> {
        List<Object[]> kept = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
          if (r % n != 0) {
            kept.add(t.rows().get(r));
          }
        }
        t.rows().clear();
        t.rows().addAll(kept);
      };
    };
    Supplier<Damage> duplicate = () -> {
      int n = g.ints(1, 40);
      return t -> t.rows().addAll(new ArrayList<>(t.rows().subList(0, Math.min(n, t.rows().size()))));
    };
    return g.list(1, 5, () -> g.frequency(new int[] {1, 1, 4, 5, 2, 1, 1}, drop, retype, cell, loss, dropRows,
        everyNth, duplicate));
  }

  private static Object[] without(Object[] r, int i) {
    Object[] out = new Object[r.length - 1];
    System.arraycopy(r, 0, out, 0, i);
    System.arraycopy(r, i + 1, out, i, r.length - i - 1);
    return out;
  }

  /** Sets a cell to a damaging value that its column's type can hold. */
  private static void setCell(Table t, String c, int row, int k) {
    int i = t.column(c);
    if (i < 0 || t.rows().isEmpty()) {
      return;
    }
    DataType type = t.types().get(i);
    Object v;
    if (type.equals(DataTypes.StringType)) {
      v = NAMES[k % NAMES.length];
    } else if (NUMBERS[k] == null) {
      v = null;
    } else {
      v = convert((Double) NUMBERS[k], type);
    }
    t.rows().get(row % t.rows().size())[i] = v;
  }

  private static void retype(Table t, String c, DataType type) {
    int i = t.column(c);
    if (i < 0) {
      return;
    }
    for (Object[] r : t.rows()) {
      Object v = r[i];
      if (v == null) {
        continue;
      }
      if (type.equals(DataTypes.StringType)) {
        r[i] = String.valueOf(v);
      } else if (v instanceof Number n) {
        r[i] = convert(n.doubleValue(), type);
      } else if (v instanceof Boolean b) {
        r[i] = convert(b ? 1 : 0, type);
      } else {
        r[i] = type.equals(DataTypes.BooleanType) ? !((String) v).isEmpty() : convert((double) v.hashCode(), type);
      }
    }
    t.types().set(i, type);
  }

  private static Object convert(double d, DataType type) {
    if (type.equals(DataTypes.DoubleType)) {
      return d;
    }
    if (type.equals(DataTypes.FloatType)) {
      return (float) d;
    }
    if (type.equals(DataTypes.LongType)) {
      return (long) d;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return (int) d;
    }
    if (type.equals(DataTypes.BooleanType)) {
      return d != 0;
    }
    return String.valueOf(d);
  }
}
