package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.mistral.MistralAdapter;
import com.verivus.gateway.provider.mistral.MistralPermissionMode;
import com.verivus.gateway.provider.mistral.MistralRequest;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/** mistral_request / mistral_request_async (the vibe CLI). */
public record MistralCall(MistralRequest request) implements ProviderCall {

    @Override
    public CliName cli() {
        return CliName.MISTRAL;
    }

    @Override
    public SharedRequest shared() {
        return request.shared();
    }

    @Override
    public ProviderCall with(SharedRequest shared) {
        return new MistralCall(request.withShared(shared));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return MistralAdapter.prepare(request, ctx);
    }

    @Override
    public String fallbackModel() {
        return MistralAdapter.DEFAULT_MODEL;
    }

    /**
     * Mistral: bypass = permissionMode auto-approve as the client gave it (the default agent is also
     * auto-approve, but the Node gateway scores only an explicit choice).
     */
    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        boolean bypass = request.options().permissionMode() == MistralPermissionMode.AUTO_APPROVE;
        return Optional.of(new ApprovalInputs(bypass, false,
                ApprovalInputs.metadata(request.shared().model(), "vibeActiveModelEnv", true)));
    }
}
