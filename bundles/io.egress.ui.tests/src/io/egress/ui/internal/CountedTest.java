package io.egress.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counted nouns in status lines: "1 finding", not "1 findings". */
class CountedTest {
    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 finding", Counted.of(1, Messages.count_findings_one, Messages.count_findings_other));
        assertEquals("0 findings", Counted.of(0, Messages.count_findings_one, Messages.count_findings_other));
        assertEquals("10 detectors", Counted.of(10, Messages.count_detectors_one, Messages.count_detectors_other));
        assertEquals("1 connection", Counted.of(1, Messages.count_connections_one, Messages.count_connections_other));
    }
}
