package org.scalesweep.jobs.table;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column name of a record component whose name is not the snake_case of the component's
 * (e.g. {@code treatment_1} for {@code treatment1}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  String value();
}
