package cn.govflow.licence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The bytes a licence signature covers: the licence content in the JSON Canonicalization Scheme (RFC 8785, JCS):
 * object members sorted by their UTF-16 code units, no whitespace, strings and numbers in ECMAScript's form, UTF-8.
 * Anyone can recompute them from the licence document with any RFC 8785 implementation. The work is done by the
 * Java implementation of the RFC's authors (io.github.erdtman:java-json-canonicalization); CanonicalJsonTests
 * holds it to the RFC's own examples.
 */
final class CanonicalJson {

    private CanonicalJson() {}

    /** Refuses (IllegalArgumentException) what JCS has no form for: NaN and the infinities. */
    static byte[] bytes(JsonNode node) {
        requireFinite(node);
        try {
            return new JsonCanonicalizer(node.toString()).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("licence content has no RFC 8785 form: " + e.getMessage(), e);
        }
    }

    // Jackson would write NaN as the string "NaN" and JCS would sign that; refuse instead
    private static void requireFinite(JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("RFC 8785 has no form for the number " + node);
        }
        node.elements().forEachRemaining(CanonicalJson::requireFinite);
    }

    static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }
}
