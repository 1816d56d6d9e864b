package org.scalesweep.jobs.table;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A String or binary column that may be null. Boxed components ({@code Double}, {@code Integer},
 * {@code Long}, {@code Boolean}) are nullable without it; primitives never are.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {}
