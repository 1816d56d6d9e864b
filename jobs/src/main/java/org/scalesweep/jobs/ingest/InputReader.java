package org.scalesweep.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads an input FILE or DIR into tables. A directory is one Parquet dataset when it holds Parquet
 * part files (as Spark writes runs.parquet), else every file in it whose ending names a format (or
 * the given format), in name order. CSV and JSON lines are read on the driver, keeping line numbers
 * for the problem report; Parquet through Spark.
 */
final class InputReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InputReader() {}

  static List<InputTable> read(SparkSession spark, Path input, InputFormat format) {
    if (!Files.exists(input)) {
      throw new InvalidInputException(input.toString(), List.of("input '" + input + "' does not exist"));
    }
    if (Files.isDirectory(input) && isParquetDataset(input)) {
      return List.of(parquet(spark, input));
    }
    List<Path> files = Files.isDirectory(input) ? list(input, format) : List.of(input);
    if (files.isEmpty()) {
      throw new InvalidInputException(input.toString(), List.of("directory '" + input + "' has no "
          + (format == null ? ".csv, .parquet or .jsonl" : format.key()) + " files"));
    }
    List<InputTable> out = new ArrayList<>();
    for (Path f : files) {
      InputFormat ff = format != null ? format : InputFormat.ofName(f);
      if (ff == null) {
        throw new InvalidInputException(f.toString(), List.of("cannot tell the format of '" + f
            + "' from its name; pass --format csv|parquet|jsonl"));
      }
      out.add(switch (ff) {
        case CSV -> CsvFile.parse(f.toString(), text(f));
        case JSONL -> jsonLines(f.toString(), text(f));
        case PARQUET -> parquet(spark, f);
      });
    }
    return out;
  }

  private static boolean isParquetDataset(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p)
          && p.getFileName().toString().startsWith("part-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, InputFormat format) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> format == null ? InputFormat.ofName(p) != null : InputFormat.ofName(p) == format).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(f.toString(), List.of("cannot read '" + f + "': " + e.getMessage()));
    }
  }

  static InputTable jsonLines(String source, String text) {
    List<Map<String, Object>> objects = new ArrayList<>();
    List<String> where = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    LinkedHashSet<String> columns = new LinkedHashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String at = source + ":" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(lines[i]);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        problems.add(at + ": not valid JSON (" + e.getOriginalMessage() + ")");
        continue;
      }
      if (node == null || !node.isObject()) {
        problems.add(at + ": a line must hold one JSON object");
        continue;
      }
      Map<String, Object> m = new java.util.HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        columns.add(e.getKey());
        JsonNode v = e.getValue();
        m.put(e.getKey(), v.isNull() ? null : v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue()
            : v.isTextual() ? v.textValue() : v.toString());
      }
      objects.add(m);
      where.add(at);
    }
    List<String> cols = List.copyOf(columns);
    List<Object[]> rows = new ArrayList<>();
    for (Map<String, Object> m : objects) {
      rows.add(cols.stream().map(m::get).toArray());
    }
    return new InputTable(source, cols, rows, where, problems);
  }

  private static InputTable parquet(SparkSession spark, Path p) {
    Dataset<Row> df;
    try {
      df = spark.read().parquet(p.toString());
    } catch (RuntimeException e) {
      throw new InvalidInputException(p.toString(), List.of("cannot read '" + p + "' as Parquet: " + e.getMessage()));
    }
    List<String> cols = List.of(df.columns());
    List<Object[]> rows = new ArrayList<>();
    List<String> where = new ArrayList<>();
    int k = 0;
    for (Row r : df.collectAsList()) {
      Object[] cells = new Object[cols.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = r.getAs(cols.get(i));
      }
      rows.add(cells);
      where.add(p + " row " + (++k));
    }
    return new InputTable(p.toString(), cols, rows, where, List.of());
  }
}
