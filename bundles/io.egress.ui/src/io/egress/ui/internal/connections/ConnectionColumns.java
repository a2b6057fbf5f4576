package io.egress.ui.internal.connections;

import io.egress.core.connections.ConnectionColumn;
import io.egress.ui.internal.Messages;

/** Externalised headers and initial widths for the core's connection columns. */
final class ConnectionColumns {
    private ConnectionColumns() {
    }

    static String header(ConnectionColumn column) {
        return switch (column) {
            case PROCESS -> Messages.column_process;
            case PID -> Messages.column_pid;
            case USER -> Messages.column_user;
            case PROTOCOL -> Messages.column_protocol;
            case LOCAL -> Messages.column_local;
            case REMOTE -> Messages.column_remote;
            case REMOTE_CLASS -> Messages.column_remoteClass;
            case REMOTE_COUNTRY -> Messages.column_country;
            case REMOTE_NETWORK -> Messages.column_network;
            case STATE -> Messages.column_state;
        };
    }

    static int width(ConnectionColumn column) {
        return switch (column) {
            case PROCESS -> 220;
            case PID -> 70;
            case USER -> 80;
            case PROTOCOL -> 60;
            case LOCAL, REMOTE -> 230;
            case REMOTE_CLASS -> 125;
            case REMOTE_COUNTRY -> 60;
            case REMOTE_NETWORK -> 180;
            case STATE -> 110;
        };
    }
}
