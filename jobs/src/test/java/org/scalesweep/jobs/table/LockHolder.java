package org.scalesweep.jobs.table;

import java.nio.file.Path;

/**
 * A second process that holds an output directory's lock until its stdin closes or a line arrives:
 * the other writer of the concurrent-writers tests. Prints "locked DIR" once it holds the lock.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), args[1], System.err::println)) {
      System.out.println("locked " + lock.dir());
      System.out.flush();
      System.in.read();
    }
  }
}
