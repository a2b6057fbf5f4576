package io.egress.capture.live;

/** The life of one interface's capture. */
public enum InterfaceState {
    STARTING,
    RUNNING,
    /** stopped on request */
    STOPPED,
    /** ended on its own (interface went down, dumpcap exited, libpcap error): see the message */
    FAILED
}
