package org.scalesweep.jobs.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The driver JVM's heap while a benchmark runs, sampled every 10 ms on a daemon thread: the peak of
 * used heap (garbage included, so it moves with GC timing) and the peak of heap left after
 * collections (what the run keeps alive: the figure that must stay flat as B grows). In local mode
 * the executors share this JVM. Starts from a collected heap so runs compare.
 */
final class HeapSampler implements AutoCloseable {
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakLive;

  HeapSampler() {
    System.gc();
    sample();
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    long live = 0;
    for (MemoryPoolMXBean p : pools) {
      MemoryUsage u = p.getCollectionUsage();
      live += u == null ? 0 : u.getUsed();
    }
    peakLive = Math.max(peakLive, live);
  }

  /** Peak used heap so far, in MiB. */
  double peakUsedMiB() {
    return peakUsed / (1024.0 * 1024.0);
  }

  /** Peak heap retained after collections so far, in MiB. */
  double peakLiveMiB() {
    return peakLive / (1024.0 * 1024.0);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
