package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.testing.Cases;
import org.scalesweep.testing.Gen;

/**
 * {@code scalesweep show} on random Parquet tables (every column type the outputs use and more,
 * nulls, NaN, commas, quotes, newlines, unicode) and on files that are not Parquet (garbage,
 * empty, truncated, an empty directory): a table (exit 0) or a clear error (exit 2), never a
 * stack trace, never a hang. 30 generated inputs, on seeded generators ({@link Cases}).
 */
class ShowPropertyTest {
  static final AtomicInteger TRIED = new AtomicInteger();
  /** Outcomes by input kind and exit code, printed at the end. */
  static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();
  static final List<DataType> TYPES = List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType,
      DataTypes.StringType, DataTypes.BooleanType, DataTypes.createDecimalType(10, 2),
      DataTypes.createArrayType(DataTypes.IntegerType), DataTypes.BinaryType);

  /**
   * What to show.
   *
   * @param kind table, garbage, empty, truncated or directory
   * @param types column types (tables)
   * @param values seeds of the cell values, one list per row
   * @param bytes garbage bytes, or where to cut a truncated file
   */
  record Input(String kind, List<DataType> types, List<List<Integer>> values, byte[] bytes) {}

  @AfterAll
  static void report() {
    System.out.printf("show property test: %d generated inputs tried (kind, exit code: count) %s%n", TRIED.get(),
        new TreeMap<>(OUTCOMES));
  }

  @TestFactory
  Stream<DynamicTest> anyFileGivesATableOrAClearError() {
    return Cases.of("show on a random file", 20261203L, 30, g -> {
      try {
        anyFileGivesATableOrAClearError(input(g), g.bool(), g.ints(0, 12));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void anyFileGivesATableOrAClearError(Input in, boolean json, int limit) throws IOException {
    TRIED.incrementAndGet();
    Path dir = Files.createTempDirectory("scalesweep-show");
    try {
      Path file = write(in, dir);
      CliRun r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.of("show", file.toString(), "--format",
          json ? "json" : "csv", "--limit", String.valueOf(limit)));
      OUTCOMES.computeIfAbsent(in.kind() + ", " + r.code(), k -> new AtomicInteger()).incrementAndGet();
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
      if (in.kind().equals("table")) {
        assertThat(r.code()).as(r.err()).isZero();
        int rows = limit == 0 ? in.values().size() : Math.min(limit, in.values().size());
        if (json) {
          assertThat(r.out().lines().count()).isEqualTo(rows);
        } else {
          assertThat(r.out().lines().findFirst().orElse("")).startsWith("c0");
        }
      } else {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("cannot be read as Parquet").contains(file.toString());
      }
    } finally {
      QuickRun.delete(dir);
    }
  }

  private static Path write(Input in, Path dir) throws IOException {
    Path file = dir.resolve("t.parquet");
    switch (in.kind()) {
      case "garbage" -> Files.write(file, in.bytes());
      case "empty" -> Files.createFile(file);
      case "directory" -> Files.createDirectories(file);
      default -> {
        StructType schema = new StructType();
        for (int c = 0; c < in.types().size(); c++) {
          schema = schema.add("c" + c, in.types().get(c), true);
        }
        List<Row> rows = new ArrayList<>();
        for (List<Integer> seeds : in.values()) {
          Object[] v = new Object[in.types().size()];
          for (int c = 0; c < v.length; c++) {
            v[c] = value(in.types().get(c), seeds.get(c));
          }
          rows.add(RowFactory.create(v));
        }
        SparkTestSession.get().createDataFrame(rows, schema).coalesce(1).write().parquet(file.toString());
        if (in.kind().equals("truncated")) {
          try (var parts = Files.list(file)) {
            Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            try (RandomAccessFile f = new RandomAccessFile(part.toFile(), "rw")) {
              f.setLength(Math.floorMod(in.bytes()[0], Math.max(1, (int) f.length() - 8)));
            }
          }
        }
      }
    }
    return file;
  }

  /** A cell from a seed: null, extremes, NaN, and strings that CSV must quote. */
  private static Object value(DataType t, int seed) {
    if (seed % 7 == 0) {
      return null;
    }
    String[] strings = {"plain", "a,b", "say \"hi\"", "two\nlines", "ünïcødé", "", " ", "\t"};
    if (t.equals(DataTypes.IntegerType)) {
      return seed % 3 == 0 ? Integer.MIN_VALUE : seed;
    } else if (t.equals(DataTypes.LongType)) {
      return seed % 3 == 0 ? Long.MAX_VALUE : (long) seed * 1_000_000_007L;
    } else if (t.equals(DataTypes.DoubleType)) {
      double[] d = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-320, 1e308, 0.1};
      return d[Math.floorMod(seed, d.length)];
    } else if (t.equals(DataTypes.StringType)) {
      return strings[Math.floorMod(seed, strings.length)];
    } else if (t.equals(DataTypes.BooleanType)) {
      return seed % 2 == 0;
    } else if (t instanceof DecimalType) {
      return new BigDecimal(seed % 100000).movePointLeft(2);
    } else if (t instanceof ArrayType) {
      return scala.jdk.javaapi.CollectionConverters.asScala(List.of(seed, -seed)).toSeq();
    }
    return new byte[] {(byte) seed, 0, (byte) 255};
  }

  /** Tables four times in nine, truncated tables and garbage twice, an empty file or a directory once. */
  static Input input(Gen g) {
    Supplier<List<DataType>> types = () -> g.list(1, 4, () -> g.of(TYPES));
    Supplier<Input> tables = () -> {
      List<DataType> ts = types.get();
      return new Input("table", ts, g.list(0, 15, () -> g.list(ts.size(), ts.size(), () -> g.ints(-1000, 1000))),
          new byte[] {0});
    };
    Supplier<Input> truncated = () -> {
      List<DataType> ts = types.get();
      return new Input("truncated", ts, List.of(Collections.nCopies(ts.size(), 1)), new byte[] {g.anyByte()});
    };
    Supplier<Input> garbage = () -> new Input("garbage", List.of(), List.of(), g.bytes(1, 400));
    Supplier<Input> other = () -> new Input(g.of("empty", "directory"), List.of(), List.of(), new byte[0]);
    return g.frequency(new int[] {4, 2, 2, 1}, tables, truncated, garbage, other);
  }
}
