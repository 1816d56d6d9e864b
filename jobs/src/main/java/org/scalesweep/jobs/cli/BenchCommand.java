package org.scalesweep.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scalesweep.jobs.perf.StageBench;
import org.scalesweep.perf.BenchTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scalesweep bench}: the whole-stage benchmarks 4–6, printed as docs/PERFORMANCE.md's table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Whole-stage benchmarks, each against a reference measured in the same run: 4 simulate + write vs "
        + "a bare spark.range write; 5 bootstrap on local[1] vs local[2] (and a cluster vs local[2]); 6 bootstrap "
        + "time and driver heap as resamples and configurations grow. Kernel benchmarks 1-3: bin/bench-kernels."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--smoke", description = "Tiny sizes, one repetition: checks that every benchmark runs (CI).")
  boolean smoke;

  @Option(names = "--only", split = ",", paramLabel = "N", description = "Benchmarks to run (default: 4,5,6).")
  List<Integer> only = List.of(4, 5, 6);

  @Option(names = "--repeat", paramLabel = "N", description = "Measurements per figure; medians are reported "
      + "(default: 3, 1 with --smoke).")
  Integer repeat;

  @Option(names = "--master", paramLabel = "URL", description = "Master of benchmarks 4 and 6 (default: local[*]).")
  String master;

  @Option(names = "--cluster-master", paramLabel = "URL",
      description = "Standalone cluster for benchmark 5's overhead vs local[2] (e.g. spark://127.0.0.1:7077); "
          + "executors need the -app jar: SCALESWEEP_JAVA_OPTS=\"-Xmx8g -Dspark.jars=<the -app jar>\"")
  String clusterMaster;

  @Option(names = "--conf", paramLabel = "CONF", description = "Flagship preset (default: conf/relative-scaling.conf).")
  Path conf;

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch directory (default: a temporary one).")
  Path work;

  @Override
  public Integer call() throws Exception {
    Path dir = work != null ? work : Files.createTempDirectory("scalesweep-bench");
    Set<Integer> which = new LinkedHashSet<>(only);
    for (int n : which) {
      if (n < 4 || n > 6) {
        throw new UsageException("--only takes benchmark numbers 4, 5, 6; got " + n + " (1-3: bin/bench-kernels)");
      }
    }
    int repeats = repeat != null ? repeat : smoke ? 1 : 3;
    if (repeats < 1) {
      throw new UsageException("--repeat must be >= 1, got " + repeats);
    }
    StageBench.Options o = new StageBench.Options(smoke, which, repeats, master, clusterMaster,
        conf != null ? conf : Home.path("conf", "relative-scaling.conf"), dir);
    BenchTable t = StageBench.run(o, System.err);
    System.out.println("Stage benchmarks, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, medians of " + repeats + (smoke ? " (smoke sizes: figures meaningless)" : ""));
    System.out.print(t.markdown());
    return 0;
  }
}
