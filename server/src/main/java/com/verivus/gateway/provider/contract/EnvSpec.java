package com.verivus.gateway.provider.contract;

import java.util.regex.Pattern;

/** An environment variable the gateway may set for a CLI run, and the pattern its value must match. */
public record EnvSpec(String name, Pattern pattern, String description) {
}
