package org.scalesweep.jobs.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * One study's output directory. Every output is written to a temporary path under
 * {@code .tmp/} and staged; {@link #commitStaged} renames a stage's outputs into place only once
 * the whole stage has succeeded, so a failed stage never leaves a partial output (nor some of its
 * outputs without the others) at a final path. Works on any Hadoop file system with rename.
 */
public final class Outputs {
  public static final String GRID = "grid.parquet";
  public static final String RUNS = "runs.parquet";
  public static final String ITEMS = "items.parquet";
  public static final String FITS = "fits.parquet";
  public static final String FRONTIER = "frontier.parquet";
  public static final String SIGNIFICANCE = "significance.parquet";
  public static final String CROSSOVERS = "crossovers.parquet";
  public static final String CALIBRATION = "calibration.parquet";
  public static final String INTERVALS = "intervals.parquet";
  public static final String DRAWS = "boot";
  public static final String REPORT = "report";
  public static final String MANIFEST = "manifest.json";
  public static final String POWER = "power.parquet";
  public static final String POWER_DESIGNS = "power_designs.parquet";
  public static final String ADVICE = "advice.parquet";
  public static final String ADVICE_PLAN = "advice_plan.parquet";
  public static final String ADVICE_FLAGS = "advice_flags.parquet";
  public static final String CALIBRATION_REPLICATES = "calibration_replicates.parquet";
  public static final String CALIBRATION_SUMMARY = "calibration_summary.parquet";
  public static final String CALIBRATION_UNPAIRED = "calibration_unpaired.parquet";
  /** Report tables that only exist as CSV (under report/). */
  public static final String RUNS_SUMMARY_CSV = "runs_summary.csv";
  public static final String RELATIVE_CURVES_CSV = "relative_curves.csv";
  public static final String PARITY_CSV = "parity.csv";

  /** The footer key under which Spark's Parquet writer stores the table's Spark schema (JSON). */
  private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  /** The CSV mirror's name of a table under report/ ({@code fits.parquet} → {@code fits.csv}). */
  public static String csvName(String table) {
    return table.endsWith(".csv") ? table : table.replace(".parquet", "") + ".csv";
  }

  private final SparkSession spark;
  private final Path root;
  private final FileSystem fs;
  /** Finished temporary outputs of the running stage, by final name, in write order. */
  private final Map<String, Path> staged = new LinkedHashMap<>();
  /** Part files already read (footer rows, SHA-256) of staged outputs, by final name, so commit reads them once. */
  private final Map<String, List<PartFile>> stagedParts = new LinkedHashMap<>();

  public Outputs(SparkSession spark, String dir) {
    this.spark = spark;
    this.root = new Path(dir);
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      this.fs = root.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output directory " + dir, e);
    }
  }

  public String root() {
    return root.toString();
  }

  public String path(String name) {
    return new Path(root, name).toString();
  }

  public boolean exists(String name) {
    try {
      return fs.exists(new Path(root, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a dataset as Parquet to a temporary path and stages it for {@link #commitStaged}; returns
   * the rows, summed from the written part files' footers (what a read-back count gives, without a
   * second Spark job: the same footers and checksums are what the manifest records).
   */
  public long writeParquet(String name, Dataset<Row> data, String... partitionBy) {
    Path tmp = tmpPath(name);
    var writer = data.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd");
    if (partitionBy.length > 0) {
      writer = writer.partitionBy(partitionBy);
    }
    writer.parquet(tmp.toString());
    List<PartFile> parts = PartFile.of(fs, tmp, name);
    long rows = 0;
    for (PartFile p : parts) {
      rows += p.rows() == null ? 0 : p.rows();
    }
    synchronized (this) {
      stage(tmp, name);
      stagedParts.put(name, parts);
    }
    return rows;
  }

  /** Reads an output written by an earlier stage, with a clear message when it is missing. */
  public Dataset<Row> readParquet(String name) {
    if (!exists(name)) {
      throw new MissingOutputException("output '" + path(name) + "' is missing; run the stage that writes it first"
          + " (or 'scalesweep run')");
    }
    return read(new Path(root, name));
  }

  /** An output of the running stage before its commit (for checks and warnings), else the committed one. */
  public synchronized Dataset<Row> readStaged(String name) {
    Path tmp = staged.get(name);
    return tmp == null ? readParquet(name) : read(tmp);
  }

  /**
   * Reads a table directory. A flat one (no partition directories) whose first part carries Spark's
   * schema in its footer is read with that schema: what Spark's own inference would find (it reads
   * the same footer key), without the Spark job that inference runs for every read.
   */
  private Dataset<Row> read(Path dir) {
    StructType schema = footerSchema(dir);
    return schema == null ? spark.read().parquet(dir.toString()) : spark.read().schema(schema).parquet(dir.toString());
  }

  /** Spark's schema from the footer of a flat table's first part, or null (partitioned, no parts, unreadable). */
  private StructType footerSchema(Path dir) {
    try {
      FileStatus[] list = fs.listStatus(dir);
      java.util.Arrays.sort(list, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      Path first = null;
      for (FileStatus st : list) {
        String n = st.getPath().getName();
        if (!PartFile.isPart(n)) {
          continue;
        }
        if (st.isDirectory()) {
          return null; // partitioned: the partition columns come from the directory names
        }
        if (first == null && n.endsWith(".parquet")) {
          first = st.getPath();
        }
      }
      if (first == null) {
        return null;
      }
      try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(first, fs.getConf()))) {
        String json = r.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
        return json != null && DataType.fromJson(json) instanceof StructType s ? s : null;
      }
    } catch (IOException | RuntimeException e) {
      return null; // Spark's own read then infers the schema (and reports what is wrong)
    }
  }

  /** Writes UTF-8 text to an exact path, e.g. a page inside a report's temporary directory. */
  public void writeUtf8(Path p, String text) throws IOException {
    try (FSDataOutputStream os = fs.create(p, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes a small text file atomically, at once (not staged: the manifest). */
  public void writeText(String name, String text) {
    Path tmp = tmpPath(name);
    try (FSDataOutputStream os = fs.create(tmp, false)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + tmp, e);
    }
    commit(tmp, name);
  }

  /** A fresh temporary directory for multi-file outputs (e.g. the report), to {@link #stage} when complete. */
  public Path tmpPath(String name) {
    return new Path(new Path(root, ".tmp"), name.replace('/', '_') + "-" + UUID.randomUUID());
  }

  /** Registers a finished temporary output under its final name; visible after {@link #commitStaged}. */
  public synchronized void stage(Path tmp, String name) {
    staged.put(name, tmp);
    stagedParts.remove(name);
  }

  /**
   * Renames every staged output into place (the stage succeeded) and returns their part files with
   * row counts and checksums, taken before the rename (so what the manifest records is what was written).
   */
  public synchronized List<PartFile> commitStaged() {
    List<PartFile> parts = new ArrayList<>();
    for (Map.Entry<String, Path> e : staged.entrySet()) {
      List<PartFile> known = stagedParts.get(e.getKey());
      parts.addAll(known != null ? known : PartFile.of(fs, e.getValue(), e.getKey()));
    }
    for (Map.Entry<String, Path> e : staged.entrySet()) {
      commit(e.getValue(), e.getKey());
    }
    staged.clear();
    stagedParts.clear();
    return parts;
  }

  /** What is wrong with a stage's committed outputs, per its manifest entry (empty: intact). */
  public List<String> problems(Map<?, ?> manifestEntry) {
    return OutputCheck.problems(fs, root, manifestEntry);
  }

  /** Moves a finished temporary output to its final name, replacing an older one. */
  private void commit(Path tmp, String name) {
    Path dst = new Path(root, name);
    try {
      if (dst.getParent() != null) {
        fs.mkdirs(dst.getParent());
      }
      if (fs.exists(dst) && !fs.delete(dst, true)) {
        throw new IOException("cannot replace " + dst);
      }
      if (!fs.rename(tmp, dst)) {
        throw new IOException("rename " + tmp + " -> " + dst + " failed");
      }
      Path tmpRoot = new Path(root, ".tmp");
      if (fs.exists(tmpRoot) && fs.listStatus(tmpRoot).length == 0) {
        fs.delete(tmpRoot, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes temporary leftovers and uncommitted outputs (of this or an interrupted earlier run). */
  public synchronized void cleanTmp() {
    staged.clear();
    stagedParts.clear();
    try {
      fs.delete(new Path(root, ".tmp"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Local filesystem path of the root, when the output lives on the local filesystem. */
  public java.nio.file.Path localRoot() {
    return java.nio.file.Path.of(fs.makeQualified(root).toUri());
  }

  public FileSystem fs() {
    return fs;
  }

  /** An earlier stage's output is missing. */
  public static final class MissingOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingOutputException(String message) {
      super(message);
    }
  }
}
