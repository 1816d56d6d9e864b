package org.scalesweep.jobs.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * One committed file of an output, as manifest.json records it: its path under the output directory,
 * its rows (Parquet parts: the footer's row count; other files: null) and its size and SHA-256, so
 * that a damaged, truncated or missing part is found before anything reads it ({@code sha256sum}
 * checks the same digests). Hidden and underscore files (Hadoop's .crc, _SUCCESS) are not parts:
 * Spark does not read them either.
 *
 * @param path relative to the output directory, '/'-separated (e.g. {@code fits.parquet/part-00000-….parquet})
 * @param rows rows in a Parquet part, else null
 * @param bytes file size
 * @param sha256 hex digest of the content
 */
public record PartFile(String path, Long rows, long bytes, String sha256) {
  public PartFile {
    if (path == null || path.isBlank() || path.startsWith("/")) {
      throw new IllegalArgumentException("part path must be relative and non-empty, got '" + path + "'");
    }
    if (bytes < 0 || (rows != null && rows < 0)) {
      throw new IllegalArgumentException("part " + path + ": negative size " + bytes + " or rows " + rows);
    }
  }

  /**
   * The parts of a finished output at {@code at} (a file or a directory tree), recorded under the
   * output's final name {@code name}.
   */
  public static List<PartFile> of(FileSystem fs, Path at, String name) {
    try {
      List<PartFile> out = new ArrayList<>();
      FileStatus st = fs.getFileStatus(at);
      if (st.isFile()) {
        out.add(read(fs, st, name));
      } else {
        walk(fs, at, name, out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checksum " + at, e);
    }
  }

  private static void walk(FileSystem fs, Path dir, String prefix, List<PartFile> out) throws IOException {
    FileStatus[] list = fs.listStatus(dir);
    java.util.Arrays.sort(list, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    for (FileStatus st : list) {
      String n = st.getPath().getName();
      if (!isPart(n)) {
        continue;
      }
      String rel = prefix + "/" + n;
      if (st.isDirectory()) {
        walk(fs, st.getPath(), rel, out);
      } else {
        out.add(read(fs, st, rel));
      }
    }
  }

  /** Whether a file name is one that readers see (not hidden, not a Hadoop marker or checksum). */
  static boolean isPart(String fileName) {
    return !fileName.startsWith(".") && !fileName.startsWith("_");
  }

  private static PartFile read(FileSystem fs, FileStatus st, String rel) throws IOException {
    Long rows = st.getPath().getName().endsWith(".parquet") ? parquetRows(fs.getConf(), st.getPath()) : null;
    return new PartFile(rel, rows, st.getLen(), sha256(fs, st.getPath()));
  }

  /** The row count in a Parquet file's footer (reading the footer also proves it is a whole Parquet file). */
  static long parquetRows(Configuration conf, Path p) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, conf))) {
      return r.getRecordCount();
    }
  }

  static String sha256(FileSystem fs, Path p) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = fs.open(p)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The manifest's form of the part. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    if (rows != null) {
      m.put("rows", rows);
    }
    m.put("bytes", bytes);
    m.put("sha256", sha256);
    return m;
  }

  /** A part read back from manifest.json. */
  public static PartFile fromMap(Map<?, ?> m) {
    Object rows = m.get("rows");
    return new PartFile(String.valueOf(m.get("path")), rows == null ? null : ((Number) rows).longValue(),
        ((Number) m.get("bytes")).longValue(), String.valueOf(m.get("sha256")));
  }
}
