package com.verivus.gateway.models;

import com.fasterxml.jackson.core.JsonProcessingException;

/** One-line messages for warnings: the parser's own wording without Jackson's source-location suffix. */
final class Messages {

    private Messages() {
    }

    static String of(Exception e) {
        if (e instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
            String location = j.getLocation() == null ? ""
                    : " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
            return j.getOriginalMessage().lines().findFirst().orElse("") + location;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    }
}
