package com.verivus.dag.validate;

/** An error rejects the document; a warning is reported and the document is still accepted. */
public enum Severity {
    ERROR, WARNING
}
