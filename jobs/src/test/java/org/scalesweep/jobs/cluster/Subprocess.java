package org.scalesweep.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to completion with a time limit (killed with its children when it overruns).
 *
 * @param code exit code
 * @param out stdout
 * @param err stderr
 */
record Subprocess(int code, String out, String err) {

  static Subprocess run(Duration limit, Map<String, String> env, List<String> cmd) {
    try {
      File out = File.createTempFile("scalesweep-out", ".txt");
      File err = File.createTempFile("scalesweep-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new AssertionError("timed out after " + limit.toSeconds() + " s: " + String.join(" ", cmd)
              + "\nstderr:\n" + Files.readString(err.toPath()));
        }
        return new Subprocess(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
            Files.readString(err.toPath(), StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out.toPath());
        Files.deleteIfExists(err.toPath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The project's root (tests run in jobs/). */
  static Path home() {
    Path up = Path.of("..").toAbsolutePath().normalize();
    return Files.exists(up.resolve("bin/scalesweep")) ? up : Path.of("").toAbsolutePath();
  }
}
