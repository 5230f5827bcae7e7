package com.verivus.gateway.optimizer;

import java.util.List;

/** Type descriptions in terse notation: "an optional boolean (default true)" becomes {@code bool=true}. */
final class TypeNotation {

    /** Most specific first: "string enum of [...]" before "string enum" before "string". */
    static final List<Rewrite> RULES = List.of(
            Rewrite.of("\\b(?:an?\\s++)?optional\\s++boolean\\s*+\\(default\\s*+(true|false)\\)", "bool=$1"),
            Rewrite.of("\\b(?:an?\\s++)?optional\\s++boolean\\b", "bool?"),
            Rewrite.of("\\bboolean\\b", "bool"),
            Rewrite.of("\\b(?:an?\\s++)?required\\s++integer\\b", "int!"),
            Rewrite.of("\\ban?\\s++integer\\b", "int"),
            Rewrite.of("\\b(?:an?\\s++)?array\\s++of\\s++strings\\b", "str[]"),
            Rewrite.of("\\bstring\\s++enum\\s++of\\s*+(\\[[^\\]\\n]{1,500}+\\])", "enum$1"),
            Rewrite.of("\\bstring\\s++enum\\b", "enum"),
            Rewrite.of("\\bstring\\s++parameter\\b", "param:str"),
            Rewrite.of("\\bstring\\b", "str"));

    private TypeNotation() {
    }
}
