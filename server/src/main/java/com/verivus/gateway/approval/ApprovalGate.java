package com.verivus.gateway.approval;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.provider.ApprovalPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The mcp_managed approval gate: scores a request, decides against the policy's threshold, and
 * appends the decision to the audit log. The prompt itself is not stored unless APPROVAL_LOG_PROMPTS=1;
 * its sha256 always is.
 */
public final class ApprovalGate {

    private static final int PREVIEW_CHARS = 280;

    private final ApprovalLog log;
    private final ApprovalPolicy defaultPolicy;
    private final boolean logPrompts;

    public ApprovalGate(ApprovalLog log, GatewayEnvironment env) {
        this.log = log;
        this.defaultPolicy = env.get("LLM_GATEWAY_APPROVAL_POLICY").flatMap(ApprovalPolicy::fromSetting)
                .orElse(ApprovalPolicy.BALANCED);
        this.logPrompts = "1".equals(env.get("APPROVAL_LOG_PROMPTS").orElse(""));
    }

    public ApprovalLog log() {
        return log;
    }

    public ApprovalDecision decide(ApprovalRequest request) {
        ReviewIntegrity.Result integrity =
                ReviewIntegrity.check(request.prompt(), request.allowedTools(), request.disallowedTools());
        ApprovalScore score = ApprovalScore.of(request, integrity);
        ApprovalPolicy policy = request.policy() != null ? request.policy() : defaultPolicy;
        boolean approved = score.score() <= policy.threshold();
        ApprovalDecision decision = new ApprovalDecision(UUID.randomUUID().toString(), Instant.now().toString(),
                approved ? ApprovalDecision.APPROVED : ApprovalDecision.DENIED, policy.key(), request.cli().key(),
                request.operation(), score.score(), score.reasons(), preview(request.prompt()),
                sha256(request.prompt()), request.mcpServers(), request.bypassRequested(), request.fullAuto(),
                request.metadata(), integrity);
        log.append(decision);
        return decision;
    }

    private String preview(String prompt) {
        if (!logPrompts || prompt == null) {
            return "[redacted]";
        }
        String collapsed = prompt.replaceAll("\\s+", " ").trim();
        return collapsed.length() <= PREVIEW_CHARS ? collapsed : collapsed.substring(0, PREVIEW_CHARS);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
