package com.verivus.gateway.mcp;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/** Pretty printing like JSON.stringify(v, null, 2): two spaces, "key": value, no space before colons. */
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
}
