package io.egress.live;

/** Where a flow's attribution stands. */
public enum OwnerState {
    /** not looked up yet, or the trigger missed and polling may still find it */
    PENDING,
    /** the owning process is known */
    ATTRIBUTED,
    /** given up: no socket had this flow's tuple while we looked (never a guess) */
    UNATTRIBUTED
}
