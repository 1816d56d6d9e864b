package org.scalesweep.jobs.table;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system with a disk that fills up: once armed, writes under one directory fail with
 * the operating system's "No space left on device" after a budget of bytes (a tmpfs would need root).
 * Installed as {@code fs.file.impl} (with the file system cache off); state is static because Hadoop
 * instantiates the class itself, in the driver and in local executors alike.
 */
public final class FullDiskFileSystem extends LocalFileSystem {
  private static volatile String under;
  private static final AtomicLong left = new AtomicLong(Long.MAX_VALUE);
  static final AtomicLong refused = new AtomicLong();

  /** Fails writes below {@code dir} after {@code bytes} bytes in all. */
  public static void arm(java.nio.file.Path dir, long bytes) {
    under = dir.toAbsolutePath().toUri().getPath();
    left.set(bytes);
    refused.set(0);
  }

  public static void disarm() {
    under = null;
    left.set(Long.MAX_VALUE);
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    FSDataOutputStream s = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    String u = under;
    if (u == null || !makeQualified(f).toUri().getPath().startsWith(u)) {
      return s;
    }
    return new FSDataOutputStream(new Budgeted(s), statistics);
  }

  /** Counts bytes against the budget and refuses those past it, as a full disk does. */
  private static final class Budgeted extends FilterOutputStream {
    Budgeted(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      take(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      take(len);
      out.write(b, off, len);
    }

    private static void take(long n) throws IOException {
      if (left.addAndGet(-n) < 0) {
        refused.incrementAndGet();
        throw new IOException("No space left on device");
      }
    }
  }
}
