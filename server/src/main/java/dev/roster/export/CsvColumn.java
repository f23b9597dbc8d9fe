package dev.roster.export;

import java.util.function.Function;

/**
 * One column of a CSV export: its header and how a row gives its value (null for an empty field).
 */
public record CsvColumn<R>(String header, Function<R, String> value) {}
