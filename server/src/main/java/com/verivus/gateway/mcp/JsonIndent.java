package com.verivus.gateway.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Pretty printing like JSON.stringify(v, null, 2): two spaces, "key": value, no space before colons,
 * and {@code {}} / {@code []} for empty containers (Jackson's default writes "{ }" and "[ ]").
 */
final class JsonIndent extends DefaultPrettyPrinter {

    JsonIndent() {
        indentArraysWith(new DefaultIndenter("  ", "\n"));
        indentObjectsWith(new DefaultIndenter("  ", "\n"));
        _objectFieldValueSeparatorWithSpaces = ": ";
    }

    private JsonIndent(JsonIndent base) {
        super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new JsonIndent(this);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws java.io.IOException {
        if (!_objectIndenter.isInline()) {
            --_nesting;
        }
        if (nrOfEntries > 0) {
            _objectIndenter.writeIndentation(g, _nesting);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws java.io.IOException {
        if (!_arrayIndenter.isInline()) {
            --_nesting;
        }
        if (nrOfValues > 0) {
            _arrayIndenter.writeIndentation(g, _nesting);
        }
        g.writeRaw(']');
    }
}
