package io.egress.enrich.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.json.JsonParser;
import io.egress.enrich.internal.rdap.RdapJsonMapper;

/**
 * Found by releng/fuzz/fuzz (target rdap), minimised to "1e9999999999": an exponent beyond
 * BigDecimal's int scale threw NumberFormatException out of JsonParser; now it is malformed JSON.
 */
class JsonNumberFuzzRegressionTest {
    @ParameterizedTest
    @ValueSource(strings = { "1e9999999999", "-1E+99999999999", "[0.5e-99999999999]" })
    void exponentOutOfRangeIsMalformedJson(String text) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
        assertTrue(e.getMessage().contains("number out of range"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"objectClassName\":\"ip network\",\"length\":1e9999999999}" })
    void rdapAnswerWithSuchANumberIsUnusable(String body) {
        assertThrows(JsonParseException.class, () -> RdapJsonMapper.parseNetwork(body));
    }
}
