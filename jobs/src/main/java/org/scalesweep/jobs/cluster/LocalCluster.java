package org.scalesweep.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1, from the project's Maven classpath: one master and
 * N workers, each in its own JVM (docs/ARCHITECTURE.md, "Local cluster"), with shared-secret
 * authentication, the REST server off and UIs bound to loopback. Its state lives in a
 * {@link ClusterDir}; {@code bin/local-cluster} and the cluster tests drive it through this class.
 */
public final class LocalCluster {
  static final String MASTER = "master";
  static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
  static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
  private static final Pattern MASTER_UI = Pattern.compile("Successfully started service 'MasterUI' on port (\\d+)");
  private static final Pattern WORKER_PORT = Pattern.compile("Successfully started service 'sparkWorker' on port (\\d+)");

  /**
   * How to launch the daemons.
   *
   * @param dir state directory
   * @param classpath jars and directories of the daemons' JVMs (Spark and this project)
   * @param jvmOptions flags Spark needs on Java 17 (jobs/target/jvm.options)
   * @param watchPid daemons exit when this process ends (0: they outlive their starter)
   * @param timeout how long start waits for the master and every worker
   */
  public record Settings(ClusterDir dir, List<Path> classpath, List<String> jvmOptions, long watchPid,
      Duration timeout) {

    /** From a build: jobs/target/classpath.txt and jvm.options, plus the code of this class. */
    public static Settings fromBuild(ClusterDir dir, Path jobsTarget, long watchPid, Duration timeout) {
      try {
        List<Path> cp = new ArrayList<>();
        cp.add(Path.of(Daemon.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        for (String p : Files.readString(jobsTarget.resolve("classpath.txt")).strip().split(File.pathSeparator)) {
          cp.add(Path.of(p));
        }
        List<String> opts = Arrays.stream(Files.readString(jobsTarget.resolve("jvm.options")).strip().split("\\s+"))
            .filter(s -> !s.isEmpty()).toList();
        return new Settings(dir, cp, opts, watchPid, timeout);
      } catch (IOException e) {
        throw new ClusterException("cannot read the launcher files in " + jobsTarget + " (build with 'mvn -B package "
            + "-DskipTests' first): " + e.getMessage());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A daemon (master or worker) of a running cluster.
   *
   * @param name master or worker-N
   * @param pid its JVM's process id
   * @param alive whether that process runs
   * @param port the worker's RPC port (0 for the master, or when not known yet)
   * @param executors process ids of the executor JVMs the worker runs
   */
  public record Member(String name, long pid, boolean alive, int port, List<Long> executors) {}

  /**
   * What {@code status} shows.
   *
   * @param masterUrl spark://127.0.0.1:PORT
   * @param masterUi the master's UI (loopback only)
   * @param daemons master first, then workers
   * @param registered the master's view of its workers (empty when its UI does not answer)
   */
  public record Status(String masterUrl, String masterUi, List<Member> daemons, Optional<MasterState> registered) {
    public List<Member> workers() {
      return daemons.stream().filter(d -> !d.name().equals(MASTER)).toList();
    }

    /** Every executor JVM of the cluster. */
    public List<Long> executors() {
      return workers().stream().flatMap(w -> w.executors().stream()).toList();
    }
  }

  private final Settings settings;
  private final ClusterDir dir;

  public LocalCluster(Settings settings) {
    this.settings = settings;
    this.dir = settings.dir();
  }

  public ClusterDir dir() {
    return dir;
  }

  /** Whether this directory's master runs. */
  public boolean running() {
    return dir.pid(MASTER).flatMap(this::ours).isPresent();
  }

  /**
   * Starts a master and {@code workers} workers and returns the master URL once every worker has
   * registered. Fails (after stopping what it started) with the tail of the log that explains why.
   */
  public String start(int workers, int coresPerWorker, String memoryPerWorker) {
    if (running()) {
      throw new ClusterException("a cluster already runs from " + dir.root() + " at "
          + dir.masterUrl().orElse("?") + "; stop it first (bin/local-cluster stop)");
    }
    stop(); // leftovers of a cluster that died: pid files, secret
    try {
      prepareSparkHome();
      deleteLogs();
      dir.writeProperties();
      long deadline = System.nanoTime() + settings.timeout().toNanos();
      Process master = launch(MASTER, MASTER_CLASS, List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
          "--properties-file", dir.properties().toString()));
      String url = awaitLog(master, MASTER, MASTER_URL, deadline);
      String ui = "http://127.0.0.1:" + awaitLog(master, MASTER, MASTER_UI, deadline);
      dir.write(dir.masterUrlFile(), url);
      dir.write(dir.masterUiFile(), ui);
      List<Process> started = new ArrayList<>();
      for (int i = 1; i <= workers; i++) {
        String name = ClusterDir.workerName(i);
        started.add(launch(name, WORKER_CLASS, List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
            "--cores", String.valueOf(coresPerWorker), "--memory", memoryPerWorker, "--work-dir",
            dir.workDir(name).toString(), "--properties-file", dir.properties().toString(), url)));
      }
      awaitWorkers(ui, master, started, deadline);
      return url;
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /**
   * Starts a worker of this directory again after its JVM ended (a crash, or a fault test's kill), with
   * the same cores and memory; returns its process. It registers with the master as a new worker.
   */
  public Process restartWorker(String name, int cores, String memory) {
    if (!running()) {
      throw new ClusterException("no cluster runs from " + dir.root() + "; start it first");
    }
    if (dir.pid(name).flatMap(this::ours).isPresent()) {
      throw new ClusterException(name + " still runs; only a worker that ended can be restarted");
    }
    return launch(name, WORKER_CLASS, List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores",
        String.valueOf(cores), "--memory", memory, "--work-dir", dir.workDir(name).toString(), "--properties-file",
        dir.properties().toString(), dir.masterUrl().orElseThrow()));
  }

  /** Stops every daemon of this directory (workers first, with their executors) and forgets the secret. */
  public void stop() {
    List<ProcessHandle> workers = new ArrayList<>();
    List<ProcessHandle> masters = new ArrayList<>();
    List<ProcessHandle> children = new ArrayList<>();
    for (String d : dir.daemons()) {
      dir.pid(d).flatMap(this::ours).ifPresent(p -> {
        (d.equals(MASTER) ? masters : workers).add(p);
        p.descendants().forEach(children::add);
      });
    }
    terminate(workers);
    terminate(masters);
    terminate(children);
    dir.clearRunState();
  }

  /** Daemons, their process ids and executors, and the master's view of its workers. */
  public Optional<Status> status() {
    if (!running()) {
      return Optional.empty();
    }
    String ui = dir.masterUi().orElse("");
    List<Member> daemons = new ArrayList<>();
    for (String d : dir.daemons()) {
      long pid = dir.pid(d).orElse(0L);
      Optional<ProcessHandle> p = ours(pid);
      int port = d.equals(MASTER) ? 0 : logMatch(d, WORKER_PORT).map(Integer::parseInt).orElse(0);
      List<Long> executors = p.map(h -> h.descendants().filter(LocalCluster::isExecutor).map(ProcessHandle::pid)
          .sorted().toList()).orElse(List.of());
      daemons.add(new Member(d, pid, p.isPresent(), port, executors));
    }
    return Optional.of(new Status(dir.masterUrl().orElse(""), ui, daemons, MasterState.fetch(ui)));
  }

  static boolean isExecutor(ProcessHandle p) {
    return p.info().commandLine().map(c -> c.contains(EXECUTOR_CLASS)).orElse(false)
        || p.info().arguments().map(a -> Arrays.asList(a).contains(EXECUTOR_CLASS)).orElse(false);
  }

  /** The process of a pid file, if it still runs and was started for this directory (not a reused pid). */
  private Optional<ProcessHandle> ours(long pid) {
    String marker = marker();
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(marker))
            .orElseGet(() -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)));
  }

  private String marker() {
    return "-Dscalesweep.cluster=" + dir.root();
  }

  private static void terminate(List<ProcessHandle> procs) {
    procs.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (ProcessHandle p : procs) {
      while (p.isAlive() && System.nanoTime() < deadline) {
        sleep(100);
      }
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  /** SPARK_HOME as workers need it: jars/ (links to the classpath's jars, not this project's) and RELEASE. */
  private void prepareSparkHome() {
    Path home = dir.sparkHome();
    Path jars = home.resolve("jars");
    try {
      emptyDirectory(jars);
      for (Path jar : settings.classpath()) {
        String name = jar.getFileName().toString();
        // executors get ScaleSweep itself only from the application jar (spark.jars), as on a real cluster
        if (name.endsWith(".jar") && !name.startsWith("scalesweep-") && !Files.exists(jars.resolve(name))) {
          Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
      }
      Files.writeString(home.resolve("RELEASE"), "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
          + " (ScaleSweep local cluster: jars/ links to the Maven classpath)\n");
      Path conf = Files.createDirectories(home.resolve("conf"));
      // executors log warnings only (their stderr is under work/); daemons log INFO, start() reads it
      Files.writeString(conf.resolve("log4j2.properties"), log4j("warn"));
      Files.writeString(dir.root().resolve("log4j2-daemons.properties"), log4j("info"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + home, e);
    }
  }

  private static String log4j(String level) {
    return "rootLogger.level = " + level + "\n"
        + "rootLogger.appenderRef.stderr.ref = stderr\n"
        + "appender.stderr.type = Console\n"
        + "appender.stderr.name = stderr\n"
        + "appender.stderr.target = SYSTEM_ERR\n"
        + "appender.stderr.layout.type = PatternLayout\n"
        + "appender.stderr.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex\n";
  }

  private void deleteLogs() {
    Path logs = dir.log(MASTER).getParent();
    try {
      emptyDirectory(logs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset " + logs, e);
    }
  }

  /** Creates a directory, or deletes the files in it (links and logs: it has no subdirectories). */
  private static void emptyDirectory(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      try (var old = Files.list(d)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(d);
  }

  private Process launch(String name, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(settings.jvmOptions());
    cmd.add(marker());
    cmd.add("-Dlog4j2.configurationFile=" + dir.root().resolve("log4j2-daemons.properties").toUri());
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, settings.classpath().stream().map(Path::toString).toList()));
    cmd.add(Daemon.class.getName());
    cmd.add(String.valueOf(settings.watchPid()));
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log(name).toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", dir.sparkHome().toString());
    env.put("SPARK_CONF_DIR", dir.sparkHome().resolve("conf").toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1"); // every server socket, UIs included, on loopback
    env.remove("SPARK_MASTER_OPTS");
    env.remove("SPARK_WORKER_OPTS");
    try {
      Process p = pb.start();
      dir.write(dir.pidFile(name), String.valueOf(p.pid()));
      return p;
    } catch (IOException e) {
      throw new ClusterException("cannot start the " + name + " JVM: " + e.getMessage());
    }
  }

  private String awaitLog(Process p, String name, Pattern pattern, long deadline) {
    while (true) {
      Optional<String> m = logMatch(name, pattern);
      if (m.isPresent()) {
        return m.get();
      }
      if (!p.isAlive()) {
        throw new ClusterException("the " + name + " exited during start" + tail(name));
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException("the " + name + " did not start within " + settings.timeout().toSeconds() + " s"
            + tail(name));
      }
      sleep(200);
    }
  }

  private void awaitWorkers(String ui, Process master, List<Process> workers, long deadline) {
    while (true) {
      for (int i = 0; i < workers.size(); i++) {
        if (!workers.get(i).isAlive()) {
          throw new ClusterException(ClusterDir.workerName(i + 1) + " exited during start"
              + tail(ClusterDir.workerName(i + 1)));
        }
      }
      if (!master.isAlive()) {
        throw new ClusterException("the master exited during start" + tail(MASTER));
      }
      Optional<MasterState> s = MasterState.fetch(ui);
      if (s.isPresent() && s.get().alive() >= workers.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(s.map(MasterState::alive).orElse(0L) + " of " + workers.size()
            + " workers registered within " + settings.timeout().toSeconds() + " s" + tail(ClusterDir.workerName(1)));
      }
      sleep(500);
    }
  }

  private Optional<String> logMatch(String name, Pattern pattern) {
    Path log = dir.log(name);
    if (!Files.exists(log)) {
      return Optional.empty();
    }
    try {
      Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String tail(String name) {
    try {
      List<String> lines = Files.readAllLines(dir.log(name), StandardCharsets.UTF_8);
      return "; last lines of " + dir.log(name) + ":\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "; see " + dir.log(name);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted");
    }
  }
}
