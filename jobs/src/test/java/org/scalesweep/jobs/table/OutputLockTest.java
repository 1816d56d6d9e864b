package org.scalesweep.jobs.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-directory lock without Spark: one holder, no file when free, stale owners taken over. */
class OutputLockTest {
  @TempDir
  Path tmp;

  @Test
  void aSecondHolderInTheSameProcessIsRefusedNamingTheFirst() {
    Path dir = tmp.resolve("out");
    try (OutputLock first = OutputLock.acquire(dir, "scalesweep run a.conf", m -> { })) {
      assertThatThrownBy(() -> OutputLock.acquire(dir, "scalesweep run b.conf", m -> { }))
          .isInstanceOf(OutputLock.LockedException.class)
          .hasMessageContaining("is in use by pid " + ProcessHandle.current().pid())
          .hasMessageContaining("'scalesweep run a.conf'");
    }
    // released, and the directory it created held nothing else: gone
    assertThat(dir).doesNotExist();
  }

  @Test
  void releasingDeletesTheLockFileAndKeepsTheOutputs() throws Exception {
    Path dir = tmp.resolve("out");
    try (OutputLock l = OutputLock.acquire(dir, "scalesweep grid q.conf", m -> { })) {
      Files.writeString(dir.resolve("manifest.json"), "{}");
    }
    assertThat(dir.resolve(OutputLock.FILE)).doesNotExist();
    assertThat(dir.resolve("manifest.json")).exists();
    assertThat(OutputLock.owner(dir)).isEmpty();
    try (OutputLock again = OutputLock.acquire(dir, "scalesweep grid q.conf", m -> { })) {
      assertThat(dir.resolve(OutputLock.FILE)).exists();
    }
  }

  @Test
  void clearDeletesEverythingButTheLock() throws Exception {
    Path dir = tmp.resolve("out");
    try (OutputLock l = OutputLock.acquire(dir, "scalesweep run --overwrite", m -> { })) {
      Files.createDirectories(dir.resolve("fits.parquet"));
      Files.writeString(dir.resolve("fits.parquet/part-0.parquet"), "x");
      l.clear();
      try (var left = Files.list(dir)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly(OutputLock.FILE);
      }
    }
  }

  @Test
  void anOwnerWhosePidWasReusedByAnotherProcessIsStale() throws Exception {
    Path dir = tmp.resolve("out");
    Files.createDirectories(dir);
    // our own live pid, but a start time that is not ours: the pid was reused after the owner died
    Files.writeString(dir.resolve(OutputLock.FILE), "host=" + OutputLock.hostName() + "\npid="
        + ProcessHandle.current().pid() + "\nprocess_start=2001-01-01T00:00:00Z\ncommand=scalesweep run old.conf\n"
        + "started=2001-01-01T00:00:01Z\n");
    List<String> log = new ArrayList<>();
    try (OutputLock l = OutputLock.acquire(dir, "scalesweep run new.conf", log::add)) {
      assertThat(log).singleElement().asString().contains("taking over the stale lock")
          .contains("'scalesweep run old.conf'").contains("is no longer running");
    }
  }

  @Test
  void anOwnerOfThisHostThatStillRunsIsNotTakenOverEvenWithoutTheOsLock() throws Exception {
    Path dir = tmp.resolve("out");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(OutputLock.FILE), "host=" + OutputLock.hostName() + "\npid="
        + ProcessHandle.current().pid() + "\nprocess_start=\ncommand=scalesweep run live.conf\nstarted=now\n");
    assertThatThrownBy(() -> OutputLock.acquire(dir, "scalesweep run x.conf", m -> { }))
        .isInstanceOf(OutputLock.LockedException.class).hasMessageContaining("which is still running");
  }
}
