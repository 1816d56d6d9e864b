package org.scalesweep.jobs.cli;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.scalesweep.jobs.table.Manifest;
import org.scalesweep.jobs.table.OutputCheck;
import org.scalesweep.jobs.table.OutputLock;
import org.scalesweep.jobs.table.Outputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scalesweep verify DIR}: checks a finished output directory against its manifest (every
 * part file's size, SHA-256 and row count, no unrecorded part) without starting Spark. Exit 0 when
 * everything is intact, 1 with the list of problems, 2 when DIR is not a ScaleSweep output directory.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check an output directory against its manifest.json: every recorded part file present, with its "
        + "size, SHA-256 and row count, and no part the manifest does not list. Exit 0 when intact, 1 with the list of "
        + "problems (rerun the same command, or --resume, to recompute the damaged stages), 2 when DIR has no manifest.")
final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "Output directory of a run or command.")
  Path dir;

  @Override
  public Integer call() {
    Path manifest = dir.resolve(Outputs.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new UsageException("'" + dir + "' has no " + Outputs.MANIFEST + ": not a ScaleSweep output directory");
    }
    Map<String, Object> m;
    try {
      m = ConfigFactory.parseFile(manifest.toFile()).root().unwrapped();
    } catch (RuntimeException e) {
      System.out.println(manifest + ": cannot be read (" + Errors.firstLine(e) + ")");
      return Errors.FAILURE;
    }
    PrintStream out = System.out;
    OutputLock.owner(dir).ifPresent(o -> out.println("note: " + o.describe() + " holds this directory's lock; "
        + "its unfinished stages are not checked"));
    List<String> problems = new ArrayList<>();
    int parts = 0;
    Object stages = m.get("stages");
    FileSystem fs = localFs();
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir.toAbsolutePath().toUri());
    if (stages instanceof Map<?, ?> all) {
      for (Map.Entry<?, ?> e : all.entrySet()) {
        String stage = String.valueOf(e.getKey());
        Map<?, ?> entry = (Map<?, ?>) e.getValue();
        List<String> p = new ArrayList<>();
        if (!String.valueOf(m.get("config_hash")).equals(String.valueOf(entry.get("config_hash")))) {
          p.add("recorded by another config (hash " + entry.get("config_hash") + "): stale");
        }
        p.addAll(OutputCheck.problems(fs, root, entry));
        int n = entry.get(Manifest.PARTS) instanceof List<?> l ? l.size() : 0;
        parts += n;
        if (p.isEmpty()) {
          out.printf("%-12s ok (%d part files)%n", stage, n);
        } else {
          out.printf("%-12s %d problem(s):%n", stage, p.size());
          p.forEach(x -> out.println("  " + x));
          p.forEach(x -> problems.add(stage + ": " + x));
        }
      }
    }
    if (problems.isEmpty()) {
      out.printf("%s: intact (%d part files match the manifest).%n", dir, parts);
      return 0;
    }
    out.printf("%s: %d problem(s). Rerun the command that wrote it (for 'run': the same command, or --resume) to "
        + "recompute the damaged stages.%n", dir, problems.size());
    return Errors.FAILURE;
  }

  private static FileSystem localFs() {
    try {
      return FileSystem.getLocal(new Configuration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
