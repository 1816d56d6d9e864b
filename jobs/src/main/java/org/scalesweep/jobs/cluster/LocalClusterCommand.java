package org.scalesweep.jobs.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code bin/local-cluster start|stop|status}: a Spark standalone cluster on this machine. start
 * prints only the master URL on stdout (for {@code MASTER=$(bin/local-cluster start)}); the rest
 * goes to stderr. Exit codes: 0 ok, 1 failure, 2 bad usage, 3 (status) not running.
 */
@Command(name = "local-cluster", mixinStandardHelpOptions = true, versionProvider = org.scalesweep.jobs.config.Version.class,
    description = "Start, inspect or stop a Spark standalone cluster (master + workers, each in its own JVM) on "
        + "127.0.0.1, with shared-secret authentication. State, logs and the secret live in .cluster/ "
        + "(or $SCALESWEEP_CLUSTER_DIR).")
public final class LocalClusterCommand implements Callable<Integer> {
  static final int NOT_RUNNING = 3;

  @Parameters(index = "0", paramLabel = "start|stop|status", description = "What to do.")
  String action;

  @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "Workers to start (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--cores", defaultValue = "1", paramLabel = "C", description = "Cores per worker (default: ${DEFAULT-VALUE}).")
  int cores;

  @Option(names = "--memory", defaultValue = "2g", paramLabel = "SIZE",
      description = "Memory a worker offers its executors (default: ${DEFAULT-VALUE}; each executor takes "
          + "spark.executor.memory, 1g unless set).")
  String memory;

  @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
      description = "How long start waits for every worker to register (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--dir", paramLabel = "DIR", description = "State directory (default: $SCALESWEEP_CLUSTER_DIR or .cluster).")
  Path dir;

  @Option(names = "--watch-pid", hidden = true, defaultValue = "0",
      description = "Daemons exit when this process ends (tests).")
  long watchPid;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalClusterCommand()).execute(args));
  }

  @Override
  public Integer call() {
    Path home = Path.of(System.getProperty("scalesweep.home", "."));
    ClusterDir state = dir != null ? new ClusterDir(dir) : ClusterDir.defaultFor(home);
    PrintStream err = System.err;
    try {
      LocalCluster cluster = new LocalCluster(LocalCluster.Settings.fromBuild(state, home.resolve("jobs/target"), watchPid,
          Duration.ofSeconds(timeout)));
      switch (action) {
        case "start":
          return start(cluster, err);
        case "stop":
          boolean was = cluster.running();
          cluster.stop();
          err.println(was ? "local cluster stopped" : "local cluster was not running");
          return 0;
        case "status":
          return status(cluster, System.out);
        default:
          err.println("error: unknown action '" + action + "'; allowed: start, stop, status");
          return 2;
      }
    } catch (ClusterException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private int start(LocalCluster cluster, PrintStream err) {
    if (workers < 1 || cores < 1 || timeout < 1) {
      err.println("error: --workers, --cores and --timeout must be >= 1");
      return 2;
    }
    if (!memory.matches("\\d+[mMgG]")) {
      err.println("error: --memory '" + memory + "' must look like 512m or 2g");
      return 2;
    }
    if (cluster.running()) {
      String url = cluster.dir().masterUrl().orElse("?");
      err.println("local cluster already running at " + url + " (bin/local-cluster stop first to change it)");
      System.out.println(url);
      return 0;
    }
    String url = cluster.start(workers, cores, memory);
    System.out.println(url);
    err.println(workers + " worker(s) registered; secret in " + cluster.dir().properties() + " (mode 600).");
    err.println("Run a study on it:  bin/scalesweep run conf/quick.conf --master " + url);
    return 0;
  }

  static int status(LocalCluster cluster, PrintStream out) {
    Optional<LocalCluster.Status> s = cluster.status();
    if (s.isEmpty()) {
      out.println("local cluster not running (" + cluster.dir().root() + ")");
      return NOT_RUNNING;
    }
    LocalCluster.Status st = s.get();
    for (LocalCluster.Member m : st.daemons()) {
      if (m.name().equals(LocalCluster.MASTER)) {
        out.printf("%-9s %s  pid %d  ui %s (loopback only)%n", m.name(), st.masterUrl(), m.pid(), st.masterUi());
        continue;
      }
      String state = !m.alive() ? "GONE (process ended)"
          : st.registered().flatMap(r -> r.workers().stream().filter(w -> w.port() == m.port())
              .reduce((a, b) -> b.alive() ? b : a))
              .map(w -> w.state() + "  " + w.cores() + " core(s), " + w.memoryMiB() + " MiB").orElse("NOT REGISTERED");
      String execs = m.executors().isEmpty() ? "-" : String.join(" ", m.executors().stream().map(String::valueOf).toList());
      out.printf("%-9s pid %d  port %d  %s  executors: %s%n", m.name(), m.pid(), m.port(), state, execs);
    }
    out.println("secret    " + cluster.dir().properties() + " (mode 600)");
    return 0;
  }
}
