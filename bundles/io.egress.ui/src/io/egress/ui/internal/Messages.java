package io.egress.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Strings shown in the workbench; the text lives in messages.properties. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "io.egress.ui.internal.messages";

    public static String column_process;
    public static String column_pid;
    public static String column_user;
    public static String column_protocol;
    public static String column_local;
    public static String column_remote;
    public static String column_remoteClass;
    public static String column_state;
    public static String filter_hint;
    public static String toggle_hideLoopback;
    public static String toggle_hidePrivate;
    public static String toggle_showListening;
    public static String status_summary;
    public static String status_unowned;
    public static String status_problem;
    public static String status_paused;
    public static String status_error;
    public static String group_connections;
    public static String action_copy;
    public static String action_expandAll;
    public static String job_refreshConnections;
    public static String details_none;
    public static String details_process;
    public static String details_pid;
    public static String details_exe;
    public static String details_cmdline;
    public static String details_user;
    public static String details_parent;
    public static String details_started;
    public static String details_executable;
    public static String details_source;
    public static String details_connectionsOpen;
    public static String details_ownerNotVisible;
    public static String details_connection;
    public static String details_protocol;
    public static String details_local;
    public static String details_remote;
    public static String details_class;
    public static String details_range;
    public static String details_state;
    public static String details_uid;
    public static String details_inode;
    public static String details_attribution;
    public static String details_firstSeen;
    public static String details_firstSeenStart;
    public static String details_closed;
    public static String status_cancel;
    public static String status_ready;
    public static String capture_jobName;
    public static String capture_openFailedTitle;
    public static String capture_openFailed;
    public static String capture_dialogTitle;
    public static String capture_filterCaptures;
    public static String capture_filterAll;
    public static String conversations_filterHint;
    public static String conversations_empty;
    public static String conversations_summary;
    public static String conversations_incomplete;
    public static String conversations_warning;
    public static String conversations_shown;
    public static String conversations_indexJob;
    public static String conv_protocol;
    public static String conv_source;
    public static String conv_destination;
    public static String conv_destinationClass;
    public static String conv_vlan;
    public static String conv_packetsOut;
    public static String conv_packetsIn;
    public static String conv_bytesOut;
    public static String conv_bytesIn;
    public static String conv_start;
    public static String conv_duration;
    public static String conv_state;
    public static String conv_names;
    public static String conv_communityId;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
