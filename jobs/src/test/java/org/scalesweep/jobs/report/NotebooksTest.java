package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.jobs.cli.Main;
import picocli.CommandLine;

/**
 * Executes notebooks/ headless ({@code jupyter nbconvert --execute}) against a fresh quick run: a
 * cell that raises fails the test. The executed copies stay in jobs/target/notebooks/.
 */
@Tag("notebooks")
class NotebooksTest {
  static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
  static final Path EXECUTED = Path.of("target", "notebooks").toAbsolutePath();

  static Path jupyter() {
    Path j = ExternalTools.onPath("jupyter");
    ExternalTools.require(j != null, "jupyter", "apt-get install jupyter-nbconvert python3-ipykernel python3-pandas "
        + "python3-matplotlib");
    return j;
  }

  /** Runs one notebook with the environment given, its executed copy into {@code outDir}. */
  static ExternalTools.Result execute(String notebook, Map<String, String> env, Path outDir) throws Exception {
    Files.createDirectories(outDir);
    Map<String, String> all = new HashMap<>(env);
    // Debian's python warns about frozen modules under the debugger hook on every kernel start
    all.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    ExternalTools.Result r = ExternalTools.run(List.of(jupyter().toString(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=600", "--output-dir", outDir.toString(), NOTEBOOKS.resolve(notebook).toString()),
        NOTEBOOKS, all, 900);
    System.out.printf(Locale.ROOT, "%s executed in %.1f s (exit %d): %s%n", notebook, r.seconds(), r.code(),
        outDir.resolve(notebook));
    return r;
  }

  static ExternalTools.Result execute(String notebook, Map<String, String> env) throws Exception {
    return execute(notebook, env, EXECUTED);
  }

  static void assertRan(String notebook, ExternalTools.Result r) {
    assertThat(r.code()).as("%s failed:%n%s", notebook, r.output()).isZero();
    assertThat(EXECUTED.resolve(notebook)).exists();
  }

  @Test
  void relativeScalingNotebookRunsOnAFreshQuickRun() throws Exception {
    jupyter();
    String nb = "relative-scaling.ipynb";
    assertRan(nb, execute(nb, Map.of("SCALESWEEP_RUN", ReportFixture.run().toString())));
  }

  @Test
  void alignmentPretrainingNotebookRunsOnWhateverTheRunHas() throws Exception {
    jupyter();
    String nb = "alignment-pretraining.ipynb";
    assertRan(nb, execute(nb, Map.of("SCALESWEEP_RUN", ReportFixture.run().toString())));
  }

  @Test
  void aNotebookPointedAtNoRunFailsSayingHowToMakeOne() throws Exception {
    jupyter();
    Path empty = Files.createTempDirectory("no-run");
    ExternalTools.Result r = execute("alignment-pretraining.ipynb", Map.of("SCALESWEEP_RUN", empty.toString()),
        EXECUTED.resolve("failing"));
    assertThat(r.code()).isNotZero();
    assertThat(r.output()).contains("No ScaleSweep report under " + empty.toRealPath())
        .contains("bin/scalesweep run conf/alignment-pretraining.conf");
  }

  @Test
  void bringYourOwnRunsNotebookIngestsAndFitsTheQuickRun() throws Exception {
    Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
    List<String> missing = new ArrayList<>(List.of("ingest", "fit-runs"));
    missing.removeIf(commands::containsKey);
    // not a tool CI installs: the commands come with issue 7, so this skips in CI too until they exist
    Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: bring-your-own-runs.ipynb needs the command(s) "
        + String.join(" and ", missing) + " of 'scalesweep', which this build does not have (issue 7)");
    jupyter();
    String nb = "bring-your-own-runs.ipynb";
    Path work = EXECUTED.resolve("byor");
    assertRan(nb, execute(nb, Map.of("SCALESWEEP_RUN", ReportFixture.run().toString(), "SCALESWEEP_CLI",
        cliScript().toString(), "SCALESWEEP_BYOR_OUT", work.toString(), "SCALESWEEP_BOOTSTRAP", "50")));
  }

  /**
   * A launcher for the command line of this very build (the test classpath and this JVM's flags), so
   * the notebook never triggers bin/scalesweep's Maven build from inside Maven.
   */
  static Path cliScript() throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")
            || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("--enable-native-access") || a.startsWith("-Duser.")
            || a.startsWith("-Dfile.encoding"))
        .map(a -> "'" + a + "'").collect(Collectors.joining(" "));
    Path script = EXECUTED.resolve("scalesweep");
    Files.createDirectories(EXECUTED);
    Files.writeString(script, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -Xmx2g "
        + flags + " -cp '" + classpath + "' org.scalesweep.jobs.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
