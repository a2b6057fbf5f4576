package io.egress.core.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** RFC 4180 CSV rows: fields quoted only when they need it, CRLF-free (plain \n) line ends. */
public final class CsvWriter {
    private final Appendable out;

    public CsvWriter(Appendable out) {
        this.out = out;
    }

    public CsvWriter row(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields.get(i);
            sb.append(escape(f == null ? "" : f.toString()));
        }
        sb.append('\n');
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CsvWriter row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    static String escape(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        // Cells that a spreadsheet would run as a formula are prefixed so that a hostile host name stays text.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
