package io.egress.ui.internal.session;

/**
 * Event-broker topics that link the views: a view that selects something posts it; the others
 * select the same thing without posting back (so selections never ping-pong).
 * Data is the object itself ({@code IEventBroker.post(topic, data)}, read with {@code @UIEventTopic}).
 */
public final class SelectionTopics {
    /** Data: a {@link FlowSelection}: a flow of an open capture. */
    public static final String FLOW = "egress/select/flow";
    /** Data: a canonical address string (RFC 5952 / dotted quad). */
    public static final String ADDRESS = "egress/select/address";
    /** Data: a {@link TimeRange} to filter the capture views to, or {@link TimeRange#ALL}. */
    public static final String TIME_RANGE = "egress/select/timerange";

    private SelectionTopics() {
    }
}
