package com.verivus.gateway.changereview;

/** The change set cannot be captured as asked; the message says why and what to do instead. */
public class ChangeSetException extends IllegalArgumentException {

    public ChangeSetException(String message) {
        super(message);
    }
}
