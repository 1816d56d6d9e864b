package org.scalesweep.jobs.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks the committed outputs of one stage against what manifest.json recorded when they were
 * written: every recorded part present with its size, SHA-256 and (Parquet) row count, and no part
 * that was not recorded (a reader would pick it up). Used by --resume, by the rerun of the same
 * command, and by {@code scalesweep verify}.
 */
public final class OutputCheck {
  private OutputCheck() {}

  /**
   * What is wrong with a stage's outputs, one line each (empty: intact).
   *
   * @param entry the stage's manifest entry (with its {@value Manifest#PARTS} list)
   */
  public static List<String> problems(FileSystem fs, Path root, Map<?, ?> entry) {
    List<String> out = new ArrayList<>();
    Object parts = entry.get(Manifest.PARTS);
    if (!(parts instanceof List<?> list)) {
      out.add("no part checksums recorded (written by an older version): cannot be verified");
      return out;
    }
    Set<String> outputs = new LinkedHashSet<>();
    Set<String> recorded = new LinkedHashSet<>();
    for (Object o : list) {
      PartFile want = PartFile.fromMap((Map<?, ?>) o);
      recorded.add(want.path());
      outputs.add(want.path().contains("/") ? want.path().substring(0, want.path().indexOf('/')) : want.path());
      out.addAll(check(fs, new Path(root, want.path()), want));
    }
    for (String name : outputs) {
      Path p = new Path(root, name);
      try {
        if (fs.exists(p) && fs.getFileStatus(p).isDirectory()) {
          for (PartFile extra : unrecorded(fs, p, name, recorded)) {
            out.add(extra.path() + ": not recorded in the manifest (a reader would include it)");
          }
        }
      } catch (IOException e) {
        out.add(name + ": cannot be listed (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private static List<String> check(FileSystem fs, Path p, PartFile want) {
    try {
      if (!fs.exists(p)) {
        return List.of(want.path() + ": missing");
      }
      FileStatus st = fs.getFileStatus(p);
      if (st.getLen() != want.bytes()) {
        return List.of(want.path() + ": " + st.getLen() + " bytes, the manifest recorded " + want.bytes());
      }
      String sum = PartFile.sha256(fs, p);
      if (!sum.equals(want.sha256())) {
        return List.of(want.path() + ": content changed (SHA-256 " + sum.substring(0, 12) + "…, the manifest recorded "
            + want.sha256().substring(0, Math.min(12, want.sha256().length())) + "…)");
      }
      if (want.rows() != null) {
        long rows = PartFile.parquetRows(fs.getConf(), p);
        if (rows != want.rows()) {
          return List.of(want.path() + ": " + rows + " rows, the manifest recorded " + want.rows());
        }
      }
      return List.of();
    } catch (IOException | RuntimeException e) {
      return List.of(want.path() + ": cannot be read (" + firstLine(e) + ")");
    }
  }

  private static List<PartFile> unrecorded(FileSystem fs, Path dir, String prefix, Set<String> recorded)
      throws IOException {
    List<PartFile> out = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (!PartFile.isPart(n)) {
        continue;
      }
      String rel = prefix + "/" + n;
      if (st.isDirectory()) {
        out.addAll(unrecorded(fs, st.getPath(), rel, recorded));
      } else if (!recorded.contains(rel)) {
        out.add(new PartFile(rel, null, st.getLen(), ""));
      }
    }
    return out;
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse("").strip();
  }
}
