package io.egress.detect;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detector's parameters: the defaults declared with its contribution, possibly overridden by the
 * user. Values are text; the typed getters report a malformed value with the parameter's name.
 */
public final class Parameters {
    /** No parameters. */
    public static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, String> values;

    private Parameters(Map<String, String> values) {
        // Kept in declaration order so that views and documentation list them as contributed.
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Parameters of(Map<String, String> values) {
        return new Parameters(values);
    }

    /** These parameters with {@code overrides} replacing or adding values. */
    public Parameters with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new Parameters(merged);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a whole number, not '" + v + "'", e);
        }
    }

    public double decimal(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, not '" + v + "'", e);
        }
    }

    /** A comma-separated list, trimmed, without empty items. */
    public List<String> list(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A comma-separated list of whole numbers. */
    public List<Integer> integers(String name, String fallback) {
        try {
            return list(name, fallback).stream().map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a comma-separated list of whole numbers", e);
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
