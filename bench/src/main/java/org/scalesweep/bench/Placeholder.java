package org.scalesweep.bench;
final class Placeholder {}
