package io.egress.capture;

/** LINKTYPE_ numbers used by the tests (written out so that the tests do not trust the code under test). */
final class LinkTypesForTest {
    static final int RAW = 101;

    private LinkTypesForTest() {
    }
}
