package io.egress.enrich.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void parsesValues() throws JsonParseException {
        Json j = JsonParser.parse(" {\"a\": [1, -2.5e3, true, false, null], \"s\": \"x\\u00e9\\n\\\"\", \"o\": {}} ");
        Json.Obj o = (Json.Obj) j;
        assertEquals(List.of(new Json.Num(new BigDecimal("1")), new Json.Num(new BigDecimal("-2.5e3")), new Json.Bool(true),
                new Json.Bool(false), Json.Null.INSTANCE), o.array("a"));
        assertEquals("xé\n\"", o.string("s").orElseThrow());
        assertTrue(o.object("o").orElseThrow().members().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "{'a':1}", "01", "1.", "tru", "\"abc", "\"\\x\"", "[1] 2", "{\"a\":1,}", "\"a\u0001\""})
    void rejectsMalformedText(String text) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
        assertTrue(e.getMessage().startsWith("malformed JSON at character"), e.getMessage());
    }

    @Test
    void anErrorNamesItsCharacterOffsetAndJsonPath() {
        String text = "{\"entities\":[{\"handle\":\"X\"},{\"roles\":[\"abuse\"],\"handle\":}]}";
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
        assertEquals(text.indexOf(":}") + 1, e.offset());
        assertEquals("$.entities[1].handle", e.path());
        assertEquals("unexpected character '}'", e.problem());
        assertEquals("malformed JSON at character " + e.offset() + " ($.entities[1].handle): unexpected character '}'", e.getMessage());
        JsonParseException top = assertThrows(JsonParseException.class, () -> JsonParser.parse("[1] 2"));
        assertEquals("$", top.path());
        assertEquals(4, top.offset());
    }

    @Test
    void boundsDepthSizeStringsAndItems() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertTrue(assertThrows(JsonParseException.class, () -> JsonParser.parse(deep)).getMessage().contains("nesting deeper than 64"));
        JsonParser.Limits small = new JsonParser.Limits(100, 5, 10, 3);
        assertTrue(assertThrows(JsonParseException.class, () -> JsonParser.parse(" ".repeat(101), small)).getMessage().contains("exceeds"));
        assertTrue(assertThrows(JsonParseException.class, () -> JsonParser.parse("\"" + "a".repeat(11) + "\"", small)).getMessage()
                .contains("string longer"));
        assertTrue(assertThrows(JsonParseException.class, () -> JsonParser.parse("[1,2,3,4]", small)).getMessage().contains("more than 3"));
    }
}
