package com.verivus.gateway.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Pretty printing like JSON.stringify(v, null, 2): two spaces, "key": value, no space before colons,
 * and empty containers as {@code []} / {@code {}} (Jackson's default would print {@code [ ]}). Used
 * wherever the gateway must write JSON byte for byte as the Node gateway did: tool result text and
 * the sessions file.
 */
public final class NodeJsonPrinter extends DefaultPrettyPrinter {

    public NodeJsonPrinter() {
        indentArraysWith(new DefaultIndenter("  ", "\n"));
        indentObjectsWith(new DefaultIndenter("  ", "\n"));
        _objectFieldValueSeparatorWithSpaces = ": ";
    }

    private NodeJsonPrinter(NodeJsonPrinter base) {
        super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new NodeJsonPrinter(this);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (nrOfValues > 0) {
            super.writeEndArray(g, nrOfValues);
            return;
        }
        if (!_arrayIndenter.isInline()) {
            --_nesting;
        }
        g.writeRaw(']');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        if (nrOfEntries > 0) {
            super.writeEndObject(g, nrOfEntries);
            return;
        }
        if (!_objectIndenter.isInline()) {
            --_nesting;
        }
        g.writeRaw('}');
    }
}
