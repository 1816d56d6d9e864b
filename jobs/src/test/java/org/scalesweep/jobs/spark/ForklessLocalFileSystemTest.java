package org.scalesweep.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalesweep.jobs.SparkTestSession;

class ForklessLocalFileSystemTest {
  @TempDir
  java.nio.file.Path tmp;

  @Test
  void hadoopModesMapToTheSamePosixPermissions() {
    assertThat(PosixFilePermissions.toString(ForklessLocalFileSystem.posix(new FsPermission((short) 0755))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(ForklessLocalFileSystem.posix(new FsPermission((short) 0640))))
        .isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(ForklessLocalFileSystem.posix(new FsPermission((short) 0017))))
        .isEqualTo("-----xrwx");
    assertThat(ForklessLocalFileSystem.posix(new FsPermission((short) 0))).isEmpty();
  }

  @Test
  void theSessionsFileSystemCreatesDirectoriesWithHadoopsModes() throws IOException {
    // a new instance, not FileSystem.get: Hadoop caches one file: instance per JVM and user, whichever
    // configuration asked first (in this JVM, possibly another test's plain one)
    try (FileSystem fs = FileSystem.newInstance(tmp.toUri(), SparkTestSession.get().sparkContext().hadoopConfiguration())) {
      check(fs);
    }
  }

  private void check(FileSystem fs) throws IOException {
    assertThat(fs).isInstanceOf(ForklessLocalFileSystem.class).isInstanceOf(LocalFileSystem.class);
    Path dir = new Path(tmp.toUri().toString(), "a/b");
    assertThat(fs.mkdirs(dir, new FsPermission((short) 0750))).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b")))).isEqualTo("rwxr-x---");
    fs.setPermission(dir, new FsPermission((short) 0701));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b")))).isEqualTo("rwx-----x");
    // a sticky bit takes Hadoop's own path (chmod), which keeps the rest of the mode as well
    fs.setPermission(dir, new FsPermission((short) 01777));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b")))).isEqualTo("rwxrwxrwx");
    assertThat(fs.getFileStatus(dir).getPermission().getStickyBit()).isTrue();
  }
}
