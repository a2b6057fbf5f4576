package io.egress.capture.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Timestamps shown to analysts: a UTC date and time with the file's own fraction digits. */
class TimestampTest {
    @Test
    void utcTextKeepsTheFilesFractionDigits() {
        assertEquals("2011-03-20 14:26:07.096535 UTC", new Timestamp(1300631167L, 96_535_000, 6).toUtcText());
        assertEquals("2025-01-01 21:34:46.951851000 UTC", new Timestamp(1735767286L, 951_851_000, 9).toUtcText());
        assertEquals("1970-01-01 00:00:00 UTC", new Timestamp(0, 0, 0).toUtcText());
        assertEquals("1300631167.096535", new Timestamp(1300631167L, 96_535_000, 6).toString());
    }
}
