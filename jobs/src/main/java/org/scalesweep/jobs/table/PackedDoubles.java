package org.scalesweep.jobs.table;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * doubles packed into a binary column: Spark carries a byte[] without boxing, where an array column
 * read back through a Row would box every element.
 */
public final class PackedDoubles {
  private PackedDoubles() {}

  /** values[from, to) as little-endian IEEE bytes. */
  public static byte[] pack(double[] values, int from, int to) {
    ByteBuffer b = ByteBuffer.allocate(8 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values, from, to - from);
    return b.array();
  }

  public static double[] unpack(byte[] bytes) {
    double[] out = new double[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }
}
