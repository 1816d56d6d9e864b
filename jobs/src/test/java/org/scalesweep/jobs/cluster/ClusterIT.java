package org.scalesweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.scalesweep.jobs.OutputSnapshot;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.CliRun;

/**
 * A real 2-worker standalone cluster (bin/local-cluster, authentication on): the quick study with
 * 12,000 bootstrap resamples through bin/spark-submit gives exactly the local[2] values, and so do
 * bootstrap reruns that lose an executor JVM, then a whole worker, in the middle of the resample
 * stage. Repeated seeded kills of executors and workers across all stages of whole runs leave every
 * output identical ({@value #KILLS_PROPERTY} kills; CI runs the default, a reduced form). A driver
 * without the secret fails within its timeout with a clear message.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ClusterIT {
  /** 24 resample partitions: a stage long enough to have a middle, and unique among the study's stages. */
  static final int PARTITIONS = 24;
  static final int RESAMPLES = 12_000;
  static final List<String> SETS = List.of("--set", "bootstrap.resamples=" + RESAMPLES, "--set",
      "bootstrap.partitions=" + PARTITIONS);
  static final Map<String, String> NO_BUILD = Map.of("SCALESWEEP_NO_BUILD", "1");
  static final String EXECUTOR_MEMORY = "512m";
  /** Kills of the repeated-fault test: default {@value #CI_KILLS} (CI), 20 or more for the figures in docs/CLUSTER.md. */
  static final String KILLS_PROPERTY = "scalesweep.faults.kills";
  static final int CI_KILLS = 4;

  static Path root;
  static Path state;
  static Path reference;
  static Path onCluster;
  static String url;
  static LocalCluster cluster;
  static Map<String, List<Row>> expected;
  static final List<Long> started = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws IOException {
    root = Files.createTempDirectory("scalesweep-cluster-it");
    state = root.resolve("state");
    Subprocess s = script(Duration.ofMinutes(4), Map.of(), "local-cluster", "start", "--workers", "2", "--dir",
        state.toString(), "--watch-pid", String.valueOf(ProcessHandle.current().pid()));
    assertThat(s.code()).as(s.err()).isZero();
    url = s.out().strip();
    assertThat(url).matches("spark://127\\.0\\.0\\.1:\\d+");
    // workers the fault test restarts watch this JVM, as bin/local-cluster's do
    cluster = new LocalCluster(LocalCluster.Settings.fromBuild(new ClusterDir(state), Path.of("target"),
        ProcessHandle.current().pid(), Duration.ofMinutes(1)));
    LocalCluster.Status st = cluster.status().orElseThrow();
    st.daemons().forEach(d -> started.add(d.pid()));
    // drivers of this JVM find the secret here (bin/scalesweep uses $SCALESWEEP_CLUSTER_DIR or .cluster/)
    System.setProperty("scalesweep.cluster.dir", state.toString());
    // small executors: CI machines are small, and the quick study needs little
    System.setProperty("spark.executor.memory", EXECUTOR_MEMORY);
  }

  @AfterAll
  static void stopCluster() {
    System.clearProperty("scalesweep.cluster.dir");
    System.clearProperty("spark.executor.memory");
    System.clearProperty("spark.extraListeners");
    Subprocess s = script(Duration.ofMinutes(2), Map.of(), "local-cluster", "stop", "--dir", state.toString());
    assertThat(s.code()).as(s.err()).isZero();
    for (long pid : started) {
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("daemon %d after stop", pid).isEmpty();
    }
    QuickRun.delete(root);
  }

  static Subprocess script(Duration limit, Map<String, String> env, String name, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Subprocess.home().resolve("bin").resolve(name).toString()));
    cmd.addAll(Arrays.asList(args));
    Map<String, String> all = new java.util.HashMap<>(NO_BUILD);
    all.putAll(env);
    return Subprocess.run(limit, all, cmd);
  }

  /** Every Parquet output of a directory; the local session that reads it is stopped again. */
  static Map<String, List<Row>> snapshot(Path dir) {
    try {
      return OutputSnapshot.of(SparkTestSession.get(), dir);
    } finally {
      SparkTestSession.get().stop(); // a later driver must not find this session and reuse it
    }
  }

  static String[] args(String... head) {
    List<String> a = new ArrayList<>(Arrays.asList(head));
    a.addAll(SETS);
    return a.toArray(String[]::new);
  }

  static String quick() {
    return TestStudies.conf("quick.conf").toAbsolutePath().toString();
  }

  @Test
  @Order(1)
  void statusListsTheMasterAndBothRegisteredWorkersAndTheSecretIsPrivate() throws IOException {
    Subprocess s = script(Duration.ofMinutes(2), Map.of(), "local-cluster", "status", "--dir", state.toString());
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("master    " + url).contains("(loopback only)");
    assertThat(s.out().lines().filter(l -> l.startsWith("worker-") && l.contains("ALIVE  1 core(s), 2048 MiB")))
        .hasSize(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(ClusterDir.PROPERTIES))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(state.resolve(ClusterDir.PROPERTIES))).contains("spark.authenticate true")
        .contains("spark.master.rest.enabled false");
  }

  @Test
  @Order(2)
  void quickStudyThroughSparkSubmitIsIdenticalToLocal() throws IOException {
    reference = root.resolve("local");
    CliRun local = CliRun.of(args("run", quick(), "--out", reference.toString(), "--master", "local[2]"));
    assertThat(local.code()).as(local.err()).isZero();
    expected = snapshot(reference); // the later fault tests compare with it, whatever this test finds next

    onCluster = root.resolve("cluster");
    Path app = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().endsWith("-app.jar")).findFirst()
        .orElseThrow();
    List<String> submit = new ArrayList<>(List.of("--master", url, "--conf", "spark.executor.memory=" + EXECUTOR_MEMORY,
        "--properties-file",
        state.resolve(ClusterDir.PROPERTIES).toString(), "--class", "org.scalesweep.jobs.cli.Main",
        app.toAbsolutePath().toString(), "run", quick(), "--out", onCluster.toString()));
    submit.addAll(SETS);
    Subprocess s = script(Duration.ofMinutes(6), Map.of(), "spark-submit", submit.toArray(String[]::new));
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("Study quick finished").contains("demo (vs base)")
        .containsPattern("faster +gap narrows");
    assertThat(s.err()).doesNotContain("\tat ");

    assertThat(expected.get("significance.parquet").get(0).<Integer>getAs("resamples")).isEqualTo(RESAMPLES);
    OutputSnapshot.assertIdentical(snapshot(onCluster), expected);
    assertThat(ConfigFactory.parseFile(onCluster.resolve("manifest.json").toFile()).getString("spark_master"))
        .isEqualTo(url);
    assertSecretStaysHidden(s.out() + s.err() + local.out() + local.err());
  }

  /** The secret is in the mode-600 properties file only: not in outputs, logs or any command line. */
  static void assertSecretStaysHidden(String consoleOutput) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(state.resolve(ClusterDir.PROPERTIES))) {
      p.load(r);
    }
    String secret = p.getProperty("spark.authenticate.secret");
    assertThat(secret).hasSizeGreaterThan(30);
    assertThat(consoleOutput).doesNotContain(secret);
    for (Path dir : List.of(onCluster, state.resolve("logs"), state.resolve("work"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".parquet")).toList()) {
          assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
              .doesNotContain(secret);
        }
      }
    }
    ProcessHandle.current().descendants().forEach(h -> assertThat(h.info().commandLine().orElse("")).doesNotContain(secret));
    for (long pid : started) {
      ProcessHandle.of(pid).ifPresent(h -> {
        assertThat(h.info().commandLine().orElse("")).doesNotContain(secret);
        h.descendants().forEach(c -> assertThat(c.info().commandLine().orElse("")).doesNotContain(secret));
      });
    }
  }

  @Test
  @Order(4)
  void bootstrapSurvivesAnExecutorKilledInTheMiddleWithIdenticalOutput() throws IOException {
    AtomicLong killed = new AtomicLong();
    Path out = rerunBootstrapWith((app, busy) -> killed.set(kill(executorPid(app, busy.get(0)), "executor "
        + busy.get(0))));
    assertThat(killed.get()).isPositive();
    assertThat(FaultInjector.executorsRemoved.get()).isPositive();
    assertThat(FaultInjector.failedTasks.get()).as("the task running on the killed executor failed and was retried")
        .isPositive();
    OutputSnapshot.assertIdentical(snapshot(out), expected);
  }

  @Test
  @Order(5)
  void bootstrapSurvivesAWorkerThatDisappearsInTheMiddleWithIdenticalOutput() throws IOException {
    AtomicLong killed = new AtomicLong();
    Path out = rerunBootstrapWith((app, busy) -> {
      long executor = executorPid(app, busy.get(0));
      LocalCluster.Member worker = cluster.status().orElseThrow().workers().stream()
          .filter(w -> w.executors().contains(executor)).findFirst().orElseThrow();
      killed.set(kill(worker.pid(), worker.name() + " running executor " + busy.get(0)));
    });
    assertThat(killed.get()).isPositive();
    assertThat(FaultInjector.executorsRemoved.get()).isPositive();
    OutputSnapshot.assertIdentical(snapshot(out), expected);
    Subprocess s = script(Duration.ofMinutes(2), Map.of(), "local-cluster", "status", "--dir", state.toString());
    assertThat(s.out()).contains("GONE (process ended)");
  }

  /**
   * Whole runs of the study on the cluster while a seeded killer, every 2 to 8 s once the run's first
   * Spark job started and at most a quarter of the kills per pipeline stage of a run, SIGKILLs one of its executors (3 times in 4) or the worker running one (when
   * both workers run one of its executors; that worker is then started again); runs repeat until the kills reach
   * {@value #KILLS_PROPERTY}. Every run must succeed with every output value identical to the
   * undisturbed local run. With more kills than CI's, an undisturbed cluster run first gives the time
   * overhead; the kill log and the figures are printed.
   */
  @Test
  @Order(3)
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void repeatedSeededKillsOfExecutorsAndWorkersAcrossStagesLeaveEveryOutputIdentical() throws Exception {
    int target = Integer.getInteger(KILLS_PROPERTY, CI_KILLS);
    // kills are spread over the pipeline stages: at most a quarter of them in one stage of one run
    int perStage = (target + 3) / 4;
    java.util.Random rnd = new java.util.Random(Long.getLong("scalesweep.faults.seed", 21L));
    if (expected == null) { // run alone (-Dit.test=ClusterIT#repeated...): the local reference first
      Path local = root.resolve("local-reference");
      CliRun ref = CliRun.of(args("run", quick(), "--out", local.toString(), "--master", "local[2]"));
      assertThat(ref.code()).as(ref.err()).isZero();
      expected = snapshot(local);
    }
    double baseSecs = Double.NaN;
    if (Boolean.parseBoolean(System.getProperty("scalesweep.faults.baseline", String.valueOf(target > CI_KILLS)))) {
      long t0 = System.nanoTime();
      Path base = root.resolve("undisturbed");
      CliRun undisturbed = CliRun.of(args("run", quick(), "--out", base.toString(), "--master", url,
          "--connect-timeout", "120"));
      baseSecs = (System.nanoTime() - t0) / 1e9;
      assertThat(undisturbed.code()).as(undisturbed.err()).isZero();
      OutputSnapshot.assertIdentical(snapshot(base), expected);
    }

    List<String> kills = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.Set<String> stages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<Double> runSecs = new ArrayList<>();
    for (int run = 1; kills.size() < target; run++) {
      assertThat(run).as("runs needed for %d kills", target).isLessThanOrEqualTo(3 * target);
      Path out = root.resolve("faults-" + run);
      java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
      long r0 = System.nanoTime();
      int runNo = run;
      Map<String, Integer> inStage = new java.util.HashMap<>();
      Thread killer = new Thread(() -> {
        while (!stop.get() && kills.size() < target) {
          long delay = 2000 + rnd.nextInt(6000);
          boolean worker = rnd.nextInt(4) == 0;
          int pick = rnd.nextInt(1 << 20);
          if (!sleepUnless(stop, delay)) {
            return;
          }
          String stage = StageTracker.current();
          if (stage.equals(StageTracker.NONE) || inStage.getOrDefault(stage, 0) >= perStage) {
            // before the first job the driver has no executor (a kill would test the connect timeout, not
            // recovery); a stage that had its share of kills is left to finish
            continue;
          }
          LocalCluster.Status st = cluster.status().orElseThrow();
          List<Long> executors = st.executors().stream().filter(pid -> ofApp(pid, StageTracker.appId())).toList();
          if (executors.isEmpty()) {
            continue;
          }
          long victim = executors.get(pick % executors.size());
          String at = String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - r0) / 1e9);
          // a worker only when both run an executor of this run: the other one carries it on
          List<LocalCluster.Member> alive = st.workers().stream().filter(LocalCluster.Member::alive)
              .filter(m -> m.executors().stream().anyMatch(executors::contains)).toList();
          if (worker && alive.size() == 2) {
            LocalCluster.Member w = alive.stream().filter(m -> m.executors().contains(victim)).findFirst()
                .orElse(alive.get(0));
            ProcessHandle h = ProcessHandle.of(w.pid()).orElseThrow();
            h.destroyForcibly();
            h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            cluster.restartWorker(w.name(), 1, "2g");
            kills.add("run " + runNo + ", " + at + ", stage " + stage + ": worker " + w.name() + " (pid " + w.pid()
                + ") killed and restarted");
          } else {
            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            kills.add("run " + runNo + ", " + at + ", stage " + stage + ": executor pid " + victim + " killed");
          }
          stages.add(stage);
          inStage.merge(stage, 1, Integer::sum);
        }
      }, "fault-killer");
      StageTracker.reset();
      System.setProperty("spark.extraListeners", StageTracker.class.getName());
      CliRun r;
      try {
        killer.start();
        r = CliRun.of(args("run", quick(), "--out", out.toString(), "--master", url, "--connect-timeout", "120"));
      } finally {
        stop.set(true);
        killer.join();
        System.clearProperty("spark.extraListeners");
      }
      runSecs.add((System.nanoTime() - r0) / 1e9);
      assertThat(r.code()).as("run %d after kills %s:%n%s", run, kills, r.err()).isZero();
      OutputSnapshot.assertIdentical(snapshot(out), expected);
      awaitTwoWorkers();
    }
    double mean = runSecs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    System.out.printf(java.util.Locale.ROOT, "repeated faults: %d kills in %d runs, stages %s; undisturbed run %.1f s, "
        + "runs with kills %s s (mean %.1f s, %+.0f%%)%n  %s%n", kills.size(), runSecs.size(), stages, baseSecs,
        runSecs, mean, 100 * (mean / baseSecs - 1), String.join("\n  ", kills));
    assertThat(kills).hasSizeGreaterThanOrEqualTo(target);
  }

  /** Whether an executor process belongs to an application. */
  private static boolean ofApp(long pid, String app) {
    List<String> a = ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(List::of).orElse(List.of());
    int at = a.indexOf("--app-id");
    return !app.isEmpty() && at >= 0 && at + 1 < a.size() && a.get(at + 1).equals(app);
  }

  private static boolean sleepUnless(java.util.concurrent.atomic.AtomicBoolean stop, long ms) {
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      if (stop.get()) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stop.get();
  }

  /** Waits until both workers run again (a restarted worker needs a few seconds to register). */
  private static void awaitTwoWorkers() {
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < end) {
      LocalCluster.Status st = cluster.status().orElseThrow();
      if (st.workers().stream().filter(LocalCluster.Member::alive).count() == 2
          && st.registered().map(MasterState::alive).orElse(0L) >= 2) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("a restarted worker did not come back within 2 minutes");
  }

  /**
   * Reruns the bootstrap stage on the cluster over a copy of the cluster run, with a fault injected
   * once 6 of its 24 resample tasks are done; returns the directory.
   */
  static Path rerunBootstrapWith(java.util.function.BiConsumer<String, List<String>> fault) throws IOException {
    Path out = root.resolve("fault-" + System.nanoTime());
    CliRun r = rerunBootstrap(out, fault);
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  /** The bootstrap stage rerun into {@code out} (a copy of the cluster run) with a fault injected. */
  static CliRun rerunBootstrap(Path out, java.util.function.BiConsumer<String, List<String>> fault,
      String... extra) throws IOException {
    copy(onCluster, out);
    FaultInjector.arm(PARTITIONS, 6, fault);
    System.setProperty("spark.extraListeners", FaultInjector.class.getName());
    CliRun r;
    try {
      List<String> a = new ArrayList<>(Arrays.asList(args("bootstrap", quick(), "--out", out.toString(), "--master",
          url)));
      a.addAll(Arrays.asList(extra));
      r = CliRun.of(a.toArray(String[]::new));
    } finally {
      System.clearProperty("spark.extraListeners");
    }
    System.out.println("fault injection: " + String.join("\n  ", FaultInjector.events) + "\n" + r.err());
    assertThat(FaultInjector.fired()).isTrue();
    return r;
  }

  /** Kills a process the way the OOM killer or a lost machine would (SIGKILL) and logs when. */
  static long kill(long pid, String what) {
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    FaultInjector.events.add(FaultInjector.seconds() + ": killed " + what + " (pid " + pid + ")");
    return pid;
  }

  /** The pid of an application's executor, from the worker JVMs' child processes. */
  static long executorPid(String app, String executorId) {
    for (long pid : cluster.status().orElseThrow().executors()) {
      List<String> a = ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(List::of).orElse(List.of());
      int id = a.indexOf("--executor-id");
      int appAt = a.indexOf("--app-id");
      if (id >= 0 && a.get(id + 1).equals(executorId) && appAt >= 0 && a.get(appAt + 1).equals(app)) {
        return pid;
      }
    }
    throw new AssertionError("no executor process " + executorId + " of " + app);
  }

  static void copy(Path src, Path dst) throws IOException {
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Files.copy(p, dst.resolve(src.relativize(p).toString()));
      }
    }
  }

  @Test
  @Order(6)
  void aDriverWithoutTheSecretFailsWithinItsTimeoutWithAClearMessage() throws IOException {
    Path wrong = root.resolve("wrong.properties");
    Files.writeString(wrong, "spark.authenticate true\nspark.authenticate.secret not-the-secret\n");
    Path out = root.resolve("refused");
    long t0 = System.nanoTime();
    Subprocess s = script(Duration.ofMinutes(3), Map.of("SCALESWEEP_SPARK_PROPERTIES", wrong.toString()), "scalesweep",
        "grid", quick(), "--out", out.toString(), "--master", url, "--connect-timeout", "10");
    double secs = (System.nanoTime() - t0) / 1e9;
    assertThat(s.code()).isEqualTo(1);
    assertThat(s.err()).contains("gave this driver no executor within 10 s").contains(wrong.toString())
        .contains("bin/local-cluster status").doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(out).doesNotExist();
    System.out.printf("refused driver exited after %.1f s%n", secs);
  }

  // 30 s to connect: on a loaded 2-core machine a worker that just lost a sibling can take over 10 s
  // to hand out an executor; the watch then waits as long after the last worker dies
  @Test
  @Order(7)
  void losingTheLastWorkerFailsWithAClearMessageAndKeepsTheOutputs() throws IOException {
    Path out = root.resolve("last-worker");
    long t0 = System.nanoTime();
    CliRun r = rerunBootstrap(out, (app, busy) -> {
      LocalCluster.Member worker = cluster.status().orElseThrow().workers().stream().filter(LocalCluster.Member::alive)
          .findFirst().orElseThrow();
      kill(worker.pid(), "the last worker, " + worker.name());
    }, "--connect-timeout", "30");
    System.out.printf("run without workers failed after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("every executor of " + url + " was lost").contains("rerun with --resume")
        .doesNotContain("\tat ");
    // the failed stage replaced nothing: the outputs are the cluster run's, and no temporary is left
    assertThat(out.resolve(".tmp")).doesNotExist();
    OutputSnapshot.assertIdentical(snapshot(out), expected);
  }
}
