package org.scalesweep.jobs.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs outside the JVM that the browser and notebook tests drive (node, Chromium, Jupyter).
 * Missing locally: the test is skipped with a message saying what to install. Missing in CI
 * (CI=true): the test fails, because .ci/run installs them and a silent skip would hide a broken
 * install step.
 */
final class ExternalTools {
  private ExternalTools() {}

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips (locally) or fails (in CI) unless {@code present}. */
  static void require(boolean present, String what, String install) {
    if (present) {
      return;
    }
    String msg = what + " is not available; " + install;
    if (inCi()) {
      fail("CI=true but " + msg + " (.ci/run must install it)");
    }
    Assumptions.abort("skipped: " + msg);
  }

  /** The first executable named {@code name} on PATH, if any. */
  static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Exit code and combined output of a finished process. */
  record Result(int code, String output, double seconds) {}

  /** Runs a command (in {@code dir}, with extra environment), failing the test if it outlives the timeout. */
  static Result run(List<String> command, Path dir, java.util.Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    // drain output concurrently so a chatty child never blocks on a full pipe
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        out.append("(output unreadable: ").append(e.getMessage()).append(')');
      }
    });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; output:\n" + out);
    }
    reader.join();
    return new Result(p.exitValue(), out.toString(), (System.nanoTime() - t0) / 1e9);
  }
}
