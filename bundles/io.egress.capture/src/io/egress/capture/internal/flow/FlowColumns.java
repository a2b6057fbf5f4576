package io.egress.capture.internal.flow;

/** The raw columns of a flow table at one moment. */
record FlowColumns(long[] longs, int[] ints, int count) {
}
