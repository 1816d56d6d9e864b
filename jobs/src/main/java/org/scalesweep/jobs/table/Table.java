package org.scalesweep.jobs.table;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One table: its Spark schema, derived once from a record type, and the one converter between
 * the record and Spark rows. Columns follow the record's components in order; a column's name is
 * the snake_case of the component's (or its {@link Column}); its type follows the component's
 * Java type (String, double, int, long, boolean, byte[], boxed for nullable columns, see
 * {@link Nullable}; a record component is a struct column of that record's table, always nullable:
 * the tagged unions that carry several tables through one shuffle).
 *
 * <p>Rows are read by column name, so a record can be read from any frame that has its columns
 * (in any order, with more besides).
 *
 * @param <R> the typed row
 */
public final class Table<R extends Record> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<Class<?>, DataType> TYPES = Map.ofEntries(
      Map.entry(String.class, DataTypes.StringType),
      Map.entry(double.class, DataTypes.DoubleType), Map.entry(Double.class, DataTypes.DoubleType),
      Map.entry(int.class, DataTypes.IntegerType), Map.entry(Integer.class, DataTypes.IntegerType),
      Map.entry(long.class, DataTypes.LongType), Map.entry(Long.class, DataTypes.LongType),
      Map.entry(boolean.class, DataTypes.BooleanType), Map.entry(Boolean.class, DataTypes.BooleanType),
      Map.entry(byte[].class, DataTypes.BinaryType));

  private final Class<R> type;
  private final StructType schema;
  private transient Constructor<R> constructor;
  private transient Method[] accessors;
  private transient Table<?>[] nestedTables;

  private Table(Class<R> type) {
    this.type = type;
    StructType s = new StructType();
    for (RecordComponent c : type.getRecordComponents()) {
      DataType t = c.getType().isRecord() ? of(c.getType().asSubclass(Record.class)).schema() : TYPES.get(c.getType());
      if (t == null) {
        throw new IllegalArgumentException("record " + type.getSimpleName() + ": component " + c.getName()
            + " has type " + c.getType().getSimpleName() + ", which no column type maps");
      }
      boolean nullable = !c.getType().isPrimitive() && (c.getType() != String.class && c.getType() != byte[].class
          || c.isAnnotationPresent(Nullable.class));
      s = s.add(columnName(c), t, nullable);
    }
    this.schema = s;
  }

  /** The table of a record type. */
  public static <R extends Record> Table<R> of(Class<R> type) {
    return new Table<>(type);
  }

  /** The record type. */
  public Class<R> type() {
    return type;
  }

  /** The Spark schema: one column per record component, in order. */
  public StructType schema() {
    return schema;
  }

  /** The column names, in order. */
  public String[] columns() {
    return schema.fieldNames();
  }

  /** An encoder of rows of this schema. */
  public Encoder<Row> encoder() {
    return Encoders.row(schema);
  }

  /** The Spark row of a record. */
  public Row toRow(R record) {
    Method[] get = accessors();
    Object[] values = new Object[get.length];
    try {
      for (int i = 0; i < get.length; i++) {
        Object v = get[i].invoke(record);
        values[i] = v instanceof Record nested ? nested(i).toRowUnchecked(nested) : v;
      }
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName(), e);
    }
    return new GenericRowWithSchema(values, schema);
  }

  /**
   * The record of a Spark row that has this table's columns (by name; more columns are ignored). A
   * row without a schema (Spark may hand a function the very objects another function returned)
   * must be one this table built, and is read in its column order.
   */
  public R fromRow(Row row) {
    Constructor<R> make = constructor();
    String[] names = schema.fieldNames();
    Object[] values = new Object[names.length];
    boolean named = row.schema() != null;
    if (!named && row.length() != names.length) {
      throw new IllegalArgumentException(type.getSimpleName() + ": a row without a schema has " + row.length()
          + " values, the table " + names.length + " columns");
    }
    for (int i = 0; i < names.length; i++) {
      Object v = row.get(named ? row.fieldIndex(names[i]) : i);
      if (v == null && !schema.fields()[i].nullable()) {
        throw new IllegalArgumentException(type.getSimpleName() + ": column " + names[i] + " is null");
      }
      values[i] = v instanceof Row nested ? nested(i).fromRow(nested) : v;
    }
    try {
      return make.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName() + " from " + row, e);
    }
  }

  /** Records of the rows of a frame (collected on the driver). */
  public List<R> collect(Dataset<Row> frame) {
    List<R> out = new ArrayList<>();
    for (Row r : frame.collectAsList()) {
      out.add(fromRow(r));
    }
    return out;
  }

  /** A frame of records, in list order. */
  public Dataset<Row> frame(SparkSession spark, List<R> records) {
    List<Row> rows = new ArrayList<>(records.size());
    records.forEach(r -> rows.add(toRow(r)));
    return spark.createDataFrame(rows, schema);
  }

  /** The rows of records, in list order. */
  public List<Row> rows(List<R> records) {
    List<Row> rows = new ArrayList<>(records.size());
    records.forEach(r -> rows.add(toRow(r)));
    return rows;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Table<Record> nested(int i) {
    if (nestedTables == null) {
      RecordComponent[] cs = type.getRecordComponents();
      Table<?>[] t = new Table<?>[cs.length];
      for (int k = 0; k < cs.length; k++) {
        t[k] = cs[k].getType().isRecord() ? of((Class) cs[k].getType()) : null;
      }
      nestedTables = t;
    }
    return (Table<Record>) nestedTables[i];
  }

  private Row toRowUnchecked(Record r) {
    return toRow(type.cast(r));
  }

  private Method[] accessors() {
    if (accessors == null) {
      RecordComponent[] cs = type.getRecordComponents();
      Method[] m = new Method[cs.length];
      for (int i = 0; i < cs.length; i++) {
        m[i] = cs[i].getAccessor();
        m[i].setAccessible(true);
      }
      accessors = m;
    }
    return accessors;
  }

  private Constructor<R> constructor() {
    if (constructor == null) {
      Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
          .toArray(Class<?>[]::new);
      try {
        Constructor<R> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        constructor = c;
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
      }
    }
    return constructor;
  }

  static String columnName(RecordComponent c) {
    Column named = c.getAnnotation(Column.class);
    if (named != null) {
      return named.value();
    }
    String n = c.getName();
    StringBuilder b = new StringBuilder(n.length() + 4);
    for (char ch : n.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "Table[" + type.getSimpleName() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table<?> t && t.type.equals(type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type);
  }
}
