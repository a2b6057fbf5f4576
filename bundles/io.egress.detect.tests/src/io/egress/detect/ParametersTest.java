package io.egress.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
    @Test
    void overridesReplaceDefaultsAndTypedGettersParse() {
        Parameters p = Parameters.of(Map.of("minEvents", "6", "ports", "1, 2,3")).with(Map.of("minEvents", "8"));
        assertEquals(8, p.integer("minEvents", 0));
        assertEquals(List.of(1, 2, 3), p.integers("ports", ""));
        assertEquals(2.5, p.decimal("absent", 2.5));
    }

    @Test
    void aMalformedValueNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.of(Map.of("minEvents", "six")).integer("minEvents", 0));
        assertEquals("parameter minEvents must be a whole number, not 'six'", e.getMessage());
    }
}
