package io.egress.detect;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A detector as declared by its contribution: identity, documentation, defaults and a way to
 * create it.
 *
 * @param id              unique id, e.g. {@code io.egress.detect.beaconing}
 * @param name            a short human name
 * @param description     what it looks for, in plain words
 * @param category        a grouping for views, e.g. "command and control"
 * @param defaultSeverity severity of its findings unless it decides otherwise
 * @param priority        higher runs and is listed first
 * @param timeBudget      how long one run may take before it is abandoned and reported
 * @param parameters      parameter defaults
 * @param factory         creates a fresh detector for each run; may throw when it cannot be loaded
 */
public record DetectorDescriptor(String id, String name, String description, String category, Severity defaultSeverity,
        int priority, Duration timeBudget, Parameters parameters, Supplier<Detector> factory) {

    /** Time budget of a contribution that does not declare one. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(60);

    public DetectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(factory, "factory");
    }

    /** This descriptor with parameters overridden by the user. */
    public DetectorDescriptor withParameters(java.util.Map<String, String> overrides) {
        return new DetectorDescriptor(id, name, description, category, defaultSeverity, priority, timeBudget,
                parameters.with(overrides), factory);
    }

    /** This descriptor with another time budget. */
    public DetectorDescriptor withTimeBudget(Duration budget) {
        return new DetectorDescriptor(id, name, description, category, defaultSeverity, priority, budget, parameters, factory);
    }
}
