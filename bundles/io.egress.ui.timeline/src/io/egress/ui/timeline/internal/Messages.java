package io.egress.ui.timeline.internal;

import org.eclipse.osgi.util.NLS;

/** Strings shown by the timeline; the text lives in messages.properties. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "io.egress.ui.timeline.internal.messages";

    public static String action_zoomIn;
    public static String action_zoomOut;
    public static String action_showAll;
    public static String action_zoomToSelection;
    public static String action_relative;
    public static String action_clearRange;
    public static String action_exportPng;
    public static String tip_zoomIn;
    public static String tip_zoomOut;
    public static String tip_showAll;
    public static String tip_zoomToSelection;
    public static String tip_relative;
    public static String tip_clearRange;
    public static String tip_exportPng;
    public static String axis_relative;
    public static String empty;
    public static String building;
    public static String job_build;
    public static String job_intervals;
    public static String owner_label;
    public static String destination_label;
    public static String flow_label;
    public static String status_range;
    public static String status_hint;
    public static String intervals_none;
    public static String intervals_title;
    public static String intervals_gaps;
    public static String intervals_bytes;
    public static String intervals_bytesMax;
    public static String intervals_single;
    public static String export_title;
    public static String export_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
