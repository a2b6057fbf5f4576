package io.egress.core.connections;

import java.util.Locale;
import java.util.Set;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressFacts;

/**
 * What the analyst chose to hide: noise first (loopback, LAN, listeners), then a free-text match
 * over process, user, addresses, ports, state and address class.
 */
public record ConnectionFilter(boolean hideLoopback, boolean hidePrivate, boolean showListening, String text) {

    /** The default: everything but listening sockets. */
    public static final ConnectionFilter DEFAULT = new ConnectionFilter(false, false, false, "");

    private static final Set<AddressClass> LAN = Set.of(AddressClass.PRIVATE, AddressClass.LINK_LOCAL,
            AddressClass.UNIQUE_LOCAL, AddressClass.CGNAT, AddressClass.BROADCAST);

    public ConnectionFilter {
        text = text == null ? "" : text.trim();
    }

    public ConnectionFilter withText(String newText) {
        return new ConnectionFilter(hideLoopback, hidePrivate, showListening, newText);
    }

    public ConnectionFilter withHideLoopback(boolean v) {
        return new ConnectionFilter(v, hidePrivate, showListening, text);
    }

    public ConnectionFilter withHidePrivate(boolean v) {
        return new ConnectionFilter(hideLoopback, v, showListening, text);
    }

    public ConnectionFilter withShowListening(boolean v) {
        return new ConnectionFilter(hideLoopback, hidePrivate, v, text);
    }

    /** Whether a row passes; its group is passed too because the text may match the process. */
    public boolean accepts(ProcessGroup group, ConnectionRow row) {
        return accepts(group, row, AddressFacts.NONE);
    }

    /** As above; the text may also match the remote address's country or network. */
    public boolean accepts(ProcessGroup group, ConnectionRow row, AddressFacts facts) {
        if (!showListening && row.connection().socket().state().isListening()) {
            return false;
        }
        AddressClass cls = row.remoteClass();
        if (hideLoopback && cls == AddressClass.LOOPBACK) {
            return false;
        }
        if (hidePrivate && LAN.contains(cls)) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        if (group.label().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        for (ConnectionColumn column : ConnectionColumn.values()) {
            if (column.text(group, row, facts).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return group.process().map(p -> p.exePath().toLowerCase(Locale.ROOT).contains(needle)
                || p.commandLine().toLowerCase(Locale.ROOT).contains(needle)).orElse(false);
    }
}
