package io.egress.ui.internal.conversations;

import io.egress.core.conversations.ConversationColumn;
import io.egress.ui.internal.Messages;

/** Externalised headers and initial widths of the conversation columns. */
final class ConversationHeaders {
    private ConversationHeaders() {
    }

    static String header(ConversationColumn c) {
        return switch (c) {
            case PROTOCOL -> Messages.conv_protocol;
            case SOURCE -> Messages.conv_source;
            case DESTINATION -> Messages.conv_destination;
            case DESTINATION_CLASS -> Messages.conv_destinationClass;
            case DESTINATION_COUNTRY -> Messages.conv_destinationCountry;
            case DESTINATION_NETWORK -> Messages.conv_destinationNetwork;
            case VLAN -> Messages.conv_vlan;
            case PACKETS_OUT -> Messages.conv_packetsOut;
            case PACKETS_IN -> Messages.conv_packetsIn;
            case BYTES_OUT -> Messages.conv_bytesOut;
            case BYTES_IN -> Messages.conv_bytesIn;
            case START -> Messages.conv_start;
            case DURATION -> Messages.conv_duration;
            case STATE -> Messages.conv_state;
            case NAMES -> Messages.conv_names;
            case COMMUNITY_ID -> Messages.conv_communityId;
        };
    }

    static int width(ConversationColumn c) {
        return switch (c) {
            case SOURCE, DESTINATION -> 210;
            case NAMES -> 220;
            case DESTINATION_NETWORK -> 180;
            case DESTINATION_COUNTRY -> 60;
            case COMMUNITY_ID -> 250;
            case DESTINATION_CLASS -> 145;
            case STATE, START, DURATION -> 100;
            default -> 75;
        };
    }
}
