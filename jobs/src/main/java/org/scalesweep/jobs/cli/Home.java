package org.scalesweep.jobs.cli;

import java.nio.file.Path;

/** The installation directory (set by bin/scalesweep), for default presets. */
final class Home {
  private Home() {}

  static Path path(String... parts) {
    String home = System.getProperty("scalesweep.home", ".");
    return Path.of(home, parts);
  }
}
