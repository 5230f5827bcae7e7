package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.gemini.GeminiAdapter;
import com.verivus.gateway.provider.gemini.GeminiApprovalMode;
import com.verivus.gateway.provider.gemini.GeminiRequest;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/** gemini_request / gemini_request_async. */
public record GeminiCall(GeminiRequest request) implements ProviderCall {

    @Override
    public CliName cli() {
        return CliName.GEMINI;
    }

    @Override
    public SharedRequest shared() {
        return request.shared();
    }

    @Override
    public ProviderCall with(SharedRequest shared) {
        return new GeminiCall(request.withShared(shared));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return GeminiAdapter.prepare(request, ctx);
    }

    /** Gemini: bypass = approvalMode yolo. */
    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        return Optional.of(new ApprovalInputs(request.options().approvalMode() == GeminiApprovalMode.YOLO, false,
                ApprovalInputs.metadata(request.shared().model())));
    }
}
