package org.scalesweep.jobs.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The exclusive right to write one output directory, held from before the directory is cleared or
 * written until the command ends. It is the file {@value #FILE} in the directory, locked by the
 * operating system (so the lock of a process that died is free again), naming its owner (host,
 * pid, command and start time) and deleted when the command ends. A directory locked by a live process is refused at once, naming that
 * process; a lock file left by a process of this host that is gone is taken over with a message.
 * A lock file of another host that the file system does not lock for us is refused: only that host
 * can tell whether its process still runs.
 */
public final class OutputLock implements AutoCloseable {
  /** Name of the lock file inside the output directory. */
  public static final String FILE = ".lock";

  /**
   * Directories this JVM holds, with their owner: a second command of the same JVM is refused from
   * here, without opening the lock file (closing any descriptor of it would drop the OS lock).
   */
  private static final Map<Path, Owner> HELD = new java.util.concurrent.ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean createdDir;

  private OutputLock(Path dir, FileChannel channel, FileLock lock, boolean createdDir) {
    this.dir = dir;
    this.file = dir.resolve(FILE);
    this.channel = channel;
    this.lock = lock;
    this.createdDir = createdDir;
  }

  /**
   * Who holds (or held) a lock.
   *
   * @param host host name of the owner
   * @param pid its process id
   * @param processStart when that process started (ISO-8601; tells a reused pid from the owner), or empty
   * @param command the command line it runs
   * @param started when it took the lock (ISO-8601)
   */
  public record Owner(String host, long pid, String processStart, String command, String started) {
    /** The running process. */
    static Owner self(String command) {
      ProcessHandle me = ProcessHandle.current();
      return new Owner(hostName(), me.pid(), startOf(me).orElse(""), command,
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** Whether the owner is a process of this host that has ended (its pid gone or reused). */
    boolean deadOnThisHost() {
      if (!host.equals(hostName())) {
        return false;
      }
      Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (h.isEmpty()) {
        return true;
      }
      // a pid reused by a later process is not the owner
      return !processStart.isEmpty() && startOf(h.get()).map(s -> !s.equals(processStart)).orElse(false);
    }

    /** One line for messages. */
    public String describe() {
      return "pid " + pid + " on " + host + " ('" + command + "', started " + started + ")";
    }

    String toText() {
      return "host=" + host + "\npid=" + pid + "\nprocess_start="
          + processStart + "\ncommand=" + oneLine(command)
          + "\nstarted=" + started + "\n";
    }

    static Optional<Owner> parse(String text) {
      Map<String, String> kv = new LinkedHashMap<>();
      text.lines().forEach(l -> {
        int eq = l.indexOf('=');
        if (eq > 0) {
          kv.put(l.substring(0, eq), l.substring(eq + 1));
        }
      });
      try {
        return Optional.of(new Owner(kv.getOrDefault("host", "?"), Long.parseLong(kv.get("pid")),
            kv.getOrDefault("process_start", ""), kv.getOrDefault("command", "?"), kv.getOrDefault("started", "?")));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /** Another process writes this directory (exit 2: nothing was touched). */
  public static final class LockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock of an output directory, creating the directory if needed.
   *
   * @param command the command line, recorded for whoever finds the directory locked
   * @param log receives the message when a stale lock is taken over
   * @throws LockedException when a live process (or another host) holds it
   */
  public static OutputLock acquire(Path dir, String command, Consumer<String> log) {
    Owner me = Owner.self(command);
    Owner mine = HELD.putIfAbsent(key(dir), me);
    if (mine != null) {
      throw new LockedException("output directory '" + dir + "' is in use by " + mine.describe() + "; wait for it "
          + "to finish or choose another --out (nothing was written)");
    }
    try {
      return acquire(dir, me, log);
    } catch (RuntimeException e) {
      HELD.remove(key(dir));
      throw e;
    }
  }

  private static Path key(Path dir) {
    return dir.toAbsolutePath().normalize();
  }

  private static OutputLock acquire(Path dir, Owner me, Consumer<String> log) {
    boolean created = !Files.exists(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create output directory " + dir, e);
    }
    Path file = dir.resolve(FILE);
    for (int attempt = 0; attempt < 10; attempt++) {
      FileChannel ch = null;
      try {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Object opened = fileKey(file);
        FileLock fl;
        try {
          fl = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          fl = null; // this JVM holds it already (another command in the same process)
        }
        if (fl == null) {
          String owner = read(ch).flatMap(Owner::parse).map(Owner::describe).orElse("another process");
          ch.close();
          throw new LockedException("output directory '" + dir + "' is in use by " + owner + "; wait for it to "
              + "finish or choose another --out (nothing was written)");
        }
        Optional<Owner> previous = read(ch).flatMap(Owner::parse);
        if (previous.isPresent()) {
          Owner p = previous.get();
          if (!p.deadOnThisHost()) {
            fl.release();
            ch.close();
            throw new LockedException("output directory '" + dir + "' is locked by " + p.describe()
                + (p.host().equals(hostName()) ? ", which is still running" : ", a process of another host that "
                + "this one cannot check") + "; wait for it to finish, or if it is gone delete " + file);
          }
          log.accept("taking over the stale lock of " + dir + ": " + p.describe() + " is no longer running (its "
              + "unfinished outputs are discarded)");
        }
        // the lock is ours only if the path still names the file we locked: its last owner deletes it when
        // it ends, possibly between our open and our lock (then a newcomer may lock a new file at that path).
        // Compared by inode (stat): reading the path would open and close the file, and closing any
        // descriptor of a file drops this process's POSIX locks on it.
        Object locked = fileKey(file);
        if (opened == null || !opened.equals(locked)) {
          fl.release();
          ch.close();
          continue;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(true);
        return new OutputLock(dir, ch, fl, created);
      } catch (IOException e) {
        closeQuietly(ch);
        throw new UncheckedIOException("cannot lock output directory " + dir + " (" + file + ")", e);
      }
    }
    throw new LockedException("output directory '" + dir + "' changed owners ten times while locking it; retry");
  }

  /**
   * The owner recorded in a directory's lock file, if there is one (for messages and tests). Not for
   * the process holding the lock: opening and closing the file drops that process's OS lock on it.
   */
  public static Optional<Owner> owner(Path dir) {
    try {
      return Owner.parse(Files.readString(dir.resolve(FILE)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  /**
   * Deletes the lock file and releases the lock (in that order, so a process waiting on the old file
   * finds it gone and retries); a directory this lock created and that holds nothing else (the
   * command failed before writing) is removed.
   */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
      lock.release();
    } catch (IOException e) {
      // the process ends soon and the OS frees the lock; a leftover owner is taken over as stale
    } finally {
      closeQuietly(channel);
      HELD.remove(key(dir));
    }
    if (createdDir) {
      try (Stream<Path> left = Files.list(dir)) {
        if (left.findAny().isEmpty()) {
          Files.deleteIfExists(dir);
        }
      } catch (IOException e) {
        // best effort: an empty directory
      }
    }
  }

  /** Whether a path names a lock file (skipped when a directory is listed, cleared or copied). */
  public static boolean isLockFile(Path p) {
    return p.getFileName() != null && p.getFileName().toString().equals(FILE);
  }

  /** Deletes everything in a locked directory but the lock (--overwrite). */
  public void clear() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir) && !p.equals(file)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the contents of '" + dir + "' to overwrite it", e);
    }
  }

  private static Optional<String> read(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0 || size > 65_536) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
      // read it all
    }
    return Optional.of(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
  }

  /** The file's identity (device and inode) by stat, without opening it; null when it is gone. */
  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }

  private static Optional<String> startOf(ProcessHandle h) {
    return h.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
