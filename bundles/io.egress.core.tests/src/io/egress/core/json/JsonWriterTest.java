package io.egress.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedCompactJson() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, false).beginArray()
                .beginObject().field("a", 1).field("b", "x\"y\n").name("c").beginArray().value(true).nullValue().endArray().endObject()
                .beginObject().endObject()
                .endArray();
        assertEquals("[{\"a\":1,\"b\":\"x\\\"y\\n\",\"c\":[true,null]},{}]", sb.toString());
    }

    @Test
    void escapesControlCharactersAndLoneSurrogates() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, false).value("\u0001\ud800");
        assertEquals("\"\\u0001\\ud800\"", sb.toString());
    }

    @Test
    void prettyPrintsWithTwoSpaces() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, true).beginObject().field("k", "v").endObject();
        assertEquals("{\n  \"k\": \"v\"\n}\n", sb.toString());
    }

    @Test
    void refusesValueWithoutName() {
        JsonWriter w = new JsonWriter(new StringBuilder(), false).beginObject();
        assertThrows(IllegalStateException.class, () -> w.value(1));
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        StringBuilder sb = new StringBuilder();
        new CsvWriter(sb).row("a,b", "say \"hi\"", "=cmd()", -3, null);
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",'=cmd(),-3,\n", sb.toString());
    }
}
