package io.egress.cli.internal.capture;

import io.egress.capture.live.LiveInterface;
import io.egress.cli.internal.TextTable;
import io.egress.core.json.CsvWriter;
import io.egress.core.json.JsonWriter;
import io.egress.core.net.IpAddresses;
import java.io.PrintStream;
import java.util.List;

/** {@code egress capture --list-interfaces} in the three formats. */
final class InterfaceListing {
    private InterfaceListing() {
    }

    static void print(List<LiveInterface> interfaces, String format, PrintStream out) {
        switch (format) {
            case "json" -> {
                JsonWriter w = new JsonWriter(out, true);
                w.beginArray();
                for (LiveInterface i : interfaces) {
                    w.beginObject().field("name", i.name()).field("description", i.description());
                    w.name("addresses").beginArray();
                    i.addresses().forEach(a -> w.value(IpAddresses.format(a)));
                    w.endArray();
                    w.field("up", i.up()).field("running", i.running()).field("loopback", i.loopback()).endObject();
                }
                w.endArray();
                out.println();
            }
            case "csv" -> {
                StringBuilder b = new StringBuilder();
                CsvWriter csv = new CsvWriter(b);
                csv.row("name", "description", "addresses", "up", "running", "loopback");
                for (LiveInterface i : interfaces) {
                    csv.row(i.name(), i.description(), addresses(i), i.up(), i.running(), i.loopback());
                }
                out.print(b);
            }
            default -> {
                TextTable t = new TextTable(List.of("NAME", "STATE", "ADDRESSES", "DESCRIPTION"));
                for (LiveInterface i : interfaces) {
                    t.add(List.of(i.name(), i.stateText() + (i.loopback() ? ", loopback" : ""), addresses(i), i.description()));
                }
                t.print(out);
            }
        }
        out.flush();
    }

    private static String addresses(LiveInterface i) {
        return String.join(" ", i.addresses().stream().map(IpAddresses::format).toList());
    }
}
