package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signed bytes against RFC 8785's own examples (sections 3.2.2 and 3.2.3, appendix B). */
class CanonicalJsonTests {

    private final ObjectMapper json = new ObjectMapper();

    private String canonical(String text) throws Exception {
        return CanonicalJson.text(json.readTree(text));
    }

    @Test
    @DisplayName("R8: RFC 8785 3.2.2: literals, numbers and string escapes come out as the RFC prints them")
    void rfcSerializationExample() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(canonical(input))
                .isEqualTo(
                        "{\"literals\":[null,true,false],"
                                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    @DisplayName("R8: RFC 8785 3.2.3: members are sorted by UTF-16 code units (the emoji before U+FB33)")
    void rfcSortingExample() throws Exception {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";

        assertThat(canonical(input))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("R8: RFC 8785 appendix B: IEEE 754 values serialize as ECMAScript numbers")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfcNumberExamples(String ieee754, String expected) throws Exception {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThat(canonical("[" + Double.toString(value) + "]")).isEqualTo("[" + expected + "]");
    }

    @Test
    @DisplayName("R8: NaN and Infinity have no canonical form (RFC 8785 appendix B), so nothing with them is signed")
    void nanAndInfinityAreRefused() {
        JsonNode nan = JsonNodeFactory.instance.arrayNode().add(DoubleNode.valueOf(Double.NaN));
        JsonNode infinity = JsonNodeFactory.instance.arrayNode().add(DoubleNode.valueOf(Double.POSITIVE_INFINITY));

        assertThatThrownBy(() -> CanonicalJson.bytes(nan)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.bytes(infinity)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R8: a licence's Chinese text is signed as UTF-8, unescaped, with nested members sorted")
    void licenceContent() throws Exception {
        assertThat(canonical("{\"name\":\"养犬登记证\",\"holder\":{\"name\":\"张三\",\"idType\":\"居民身份证\"}}"))
                .isEqualTo("{\"holder\":{\"idType\":\"居民身份证\",\"name\":\"张三\"},\"name\":\"养犬登记证\"}");
    }
}
