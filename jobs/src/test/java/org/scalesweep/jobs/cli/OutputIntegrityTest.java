package org.scalesweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.OutputSnapshot;
import org.scalesweep.jobs.QuickRun;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.table.FullDiskFileSystem;
import org.scalesweep.jobs.table.LockHolder;
import org.scalesweep.jobs.table.OutputLock;
import org.scalesweep.jobs.table.Outputs;

/**
 * Results that nobody can trample: a second writer is refused at once naming the first, a stale lock
 * is taken over, damaged and missing part files are found (by verify, --resume and the rerun of the
 * same command) and recomputed, and a full disk fails the stage with a clear error and leaves the
 * previous results untouched.
 */
class OutputIntegrityTest {
  @TempDir
  Path tmp;

  static String quick() {
    return TestStudies.conf("quick.conf").toString();
  }

  @Test
  void aSecondWriterExits2AtOnceNamingTheProcessThatOwnsTheDirectory() throws Exception {
    Path out = tmp.resolve("busy");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), LockHolder.class.getName(), out.toString(),
        "scalesweep run other.conf --out " + out).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(r.readLine()).isEqualTo("locked " + out);
      long t0 = System.nanoTime();
      CliRun second = CliRun.of("run", quick(), "--out", out.toString(), "--master", "local[2]");
      double secs = (System.nanoTime() - t0) / 1e9;
      assertThat(second.code()).isEqualTo(2);
      assertThat(second.err()).contains("error: output directory '" + out + "' is in use by pid " + holder.pid())
          .contains("'scalesweep run other.conf --out " + out + "'").contains("nothing was written");
      assertThat(secs).as("refused before Spark starts").isLessThan(10);
      try (Stream<Path> left = Files.list(out)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly(OutputLock.FILE);
      }
      // the other commands that write a directory are refused the same way
      CliRun grid = CliRun.of("grid", quick(), "--out", out.toString());
      assertThat(grid.code()).isEqualTo(2);
      assertThat(grid.err()).contains("is in use by pid " + holder.pid());
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // once the owner ends, the directory is free again (and empty, so it is gone)
    assertThat(out).doesNotExist();
  }

  @Test
  void aStaleLockOfAProcessThatDiedIsTakenOverWithAMessage() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Path out = tmp.resolve("stale");
    Files.createDirectories(out);
    Files.writeString(out.resolve(OutputLock.FILE), "host=" + java.net.InetAddress.getLocalHost().getHostName()
        + "\npid=" + gone.pid() + "\nprocess_start=\ncommand=scalesweep run quick.conf\nstarted=2026-01-01T00:00:00Z\n");
    CliRun r = CliRun.of("grid", quick(), "--out", out.toString(), "--master", "local[2]");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: taking over the stale lock of " + out + ": pid " + gone.pid())
        .contains("is no longer running");
    assertThat(out.resolve(Outputs.GRID)).isDirectory();
    assertThat(out.resolve(OutputLock.FILE)).as("released").doesNotExist();
  }

  @Test
  void aLockOfAnotherHostIsNotTakenOver() throws Exception {
    Path out = tmp.resolve("remote");
    Files.createDirectories(out);
    Files.writeString(out.resolve(OutputLock.FILE), "host=elsewhere.example\npid=1\nprocess_start=\n"
        + "command=scalesweep run quick.conf\nstarted=2026-01-01T00:00:00Z\n");
    CliRun r = CliRun.of("grid", quick(), "--out", out.toString(), "--master", "local[2]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is locked by pid 1 on elsewhere.example")
        .contains("a process of another host that this one cannot check").contains("delete " + out.resolve(".lock"));
    assertThat(out.resolve(Outputs.GRID)).doesNotExist();
  }

  @Test
  void verifyPassesAnIntactRunAndListsADamagedAndAMissingPart() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("v"));
    CliRun ok = CliRun.of("verify", out.toString());
    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).contains("bootstrap    ok (").contains(": intact (");

    Path fitsPart = firstPart(out.resolve(Outputs.FITS));
    flipAByte(fitsPart);
    Path runsPart = firstPart(out.resolve(Outputs.RUNS));
    Files.delete(runsPart);
    CliRun bad = CliRun.of("verify", out.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("fit          1 problem(s):")
        .contains(Outputs.FITS + "/" + fitsPart.getFileName() + ": ")
        .contains(Outputs.RUNS + "/" + runsPart.getFileName() + ": missing").contains("2 problem(s). Rerun");

    CliRun none = CliRun.of("verify", tmp.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("has no manifest.json");
  }

  @Test
  void anUnrecordedPartIsReported() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("extra"));
    Path part = firstPart(out.resolve(Outputs.FITS));
    Files.copy(part, part.resolveSibling("part-99999-extra.zstd.parquet"));
    CliRun bad = CliRun.of("verify", out.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains(Outputs.FITS + "/part-99999-extra.zstd.parquet: not recorded in the manifest");
  }

  @Test
  void resumeRecomputesTheStageWithADamagedPartAndEveryLaterOneIdentically() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("damaged"));
    Path part = firstPart(out.resolve(Outputs.FITS));
    flipAByte(part);
    CliRun r = CliRun.of("run", quick(), "--out", out.toString(), "--resume", "--master", "local[2]");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("[simulate] complete for this config; skipped (--resume), its")
        .contains("[fit] outputs damaged or missing, recomputing this stage and the later ones:")
        .contains("[fit]   " + Outputs.FITS + "/" + part.getFileName())
        .contains("[fit] done in").contains("[bootstrap] done in");
    OutputSnapshot.assertIdentical(OutputSnapshot.of(SparkTestSession.get(), out),
        OutputSnapshot.of(SparkTestSession.get(), QuickRun.dir()));
    assertThat(CliRun.of("verify", out.toString()).code()).isZero();
  }

  @Test
  void theSameCommandAgainRecomputesAStageWithAMissingPart() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("missing"));
    Path part = firstPart(out.resolve(Outputs.SIGNIFICANCE));
    Files.delete(part);
    CliRun r = CliRun.of("run", quick(), "--out", out.toString(), "--master", "local[2]");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("continuing the run in " + out).contains("[fit] complete for this config; skipped")
        .contains("[bootstrap] outputs damaged or missing, recomputing")
        .contains("[bootstrap]   " + Outputs.SIGNIFICANCE + "/" + part.getFileName() + ": missing")
        .contains("[report] done in");
    OutputSnapshot.assertIdentical(OutputSnapshot.of(SparkTestSession.get(), out),
        OutputSnapshot.of(SparkTestSession.get(), QuickRun.dir()));
  }

  @Test
  void aFullDiskFailsTheStageWithAClearErrorAndLeavesThePreviousResultsUntouched() throws Exception {
    Path out = QuickRun.copyTo(tmp.resolve("full"));
    var before = OutputSnapshot.of(SparkTestSession.get(), out);
    byte[] manifest = Files.readAllBytes(out.resolve(Outputs.MANIFEST));
    SparkTestSession.get().stop(); // the command's session must start with the full disk installed
    System.setProperty("spark.hadoop.fs.file.impl", FullDiskFileSystem.class.getName());
    System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
    CliRun r;
    try {
      FullDiskFileSystem.arm(out, 4_000); // less than one fits.parquet part
      r = CliRun.of("fit", quick(), "--out", out.toString(), "--master", "local[2]");
    } finally {
      FullDiskFileSystem.disarm();
      System.clearProperty("spark.hadoop.fs.file.impl");
      System.clearProperty("spark.hadoop.fs.file.impl.disable.cache");
    }
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("No space left on device").contains("hint: the disk is full")
        .contains("the previous results in --out are untouched").doesNotContain("\tat ");
    assertThat(out.resolve(".tmp")).doesNotExist();
    assertThat(Files.readAllBytes(out.resolve(Outputs.MANIFEST))).isEqualTo(manifest);
    OutputSnapshot.assertIdentical(OutputSnapshot.of(SparkTestSession.get(), out), before);
    CliRun v = CliRun.of("verify", out.toString());
    assertThat(v.code()).as(v.out()).isZero();
  }

  static Path firstPart(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst().orElseThrow();
    }
  }

  /** Changes one byte in the middle of a file, keeping its size (bit rot, a bad copy). */
  static void flipAByte(Path p) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xFF);
    }
    // Hadoop's .crc sidecar would report the damage too: drop it so the manifest's checksum is what finds it
    Files.deleteIfExists(p.resolveSibling("." + p.getFileName() + ".crc"));
  }

  static List<String> lines(String s) {
    return s.lines().toList();
  }
}
