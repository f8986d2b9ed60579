package cn.govflow.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bytes a licence signature covers: the JSON text with object keys sorted, no whitespace, strings escaped as
 * JSON requires (non-ASCII kept as is), encoded in UTF-8. Anyone can recompute it from the licence document.
 */
final class CanonicalJson {

    private CanonicalJson() {}

    static byte[] bytes(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(TextNode.valueOf(names.get(i)).toString()).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            boolean first = true;
            while (elements.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(elements.next(), out);
            }
            out.append(']');
        } else {
            // strings, numbers, booleans and null in Jackson's compact JSON form
            out.append(node.toString());
        }
    }
}
