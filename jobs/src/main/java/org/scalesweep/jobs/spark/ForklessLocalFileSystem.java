package org.scalesweep.jobs.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's {@code file:} file system (checksummed, as {@link LocalFileSystem}) whose
 * {@code setPermission} calls the JDK instead of forking {@code chmod}.
 *
 * <p>Without Hadoop's native library (never present in our distribution) {@link RawLocalFileSystem}
 * sets the mode of every directory it creates by starting a {@code chmod} process, and Parquet
 * writes through the output committer create several directories per task: {@code conf/quick.conf}
 * started about 170 such processes, each a fork of the driver JVM. Permissions with a sticky bit (not
 * expressible through {@link PosixFilePermission}) still take Hadoop's own path, and so does any file
 * system without POSIX attributes. Hadoop caches one {@code file:} instance per JVM and user, created by
 * whichever configuration asks first: the command line creates its session before touching a file, so
 * the session's key decides (a JVM that asked earlier with a plain configuration keeps Hadoop's class:
 * slower, same files).
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  /** The Hadoop key that selects the {@code file:} implementation. */
  public static final String HADOOP_KEY = "fs.file.impl";

  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (unchecksummed) layer: {@link RawLocalFileSystem} with a JDK {@code setPermission}. */
  public static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      java.nio.file.Path file = pathToFile(p).toPath();
      if (permission.getStickyBit() || !Files.getFileStore(file).supportsFileAttributeView("posix")) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(file, posix(permission));
    }
  }

  /** The POSIX permission set of a Hadoop permission without sticky bit. */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    add(out, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(out, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(out, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return out;
  }

  private static void add(Set<PosixFilePermission> out, FsAction action, PosixFilePermission read,
      PosixFilePermission write, PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      out.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      out.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      out.add(execute);
    }
  }
}
