package org.scalesweep.jobs.config;

/** The value type of a configuration key. */
public enum KeyType {
  /** A 64-bit integer. */
  INT("integer"),
  /** A finite real number. */
  DOUBLE("number"),
  /** true or false. */
  BOOLEAN("boolean"),
  /** A string; with allowed values, one of them. */
  STRING("string"),
  /** A list of finite numbers. */
  DOUBLE_LIST("list of numbers"),
  /** A list of two-element string lists. */
  PAIR_LIST("list of [name, name] pairs"),
  /** A non-empty list of names (letters, digits, '_' and '-'). */
  NAME_LIST("list of names");

  private final String description;

  KeyType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
