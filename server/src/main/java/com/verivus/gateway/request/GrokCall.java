package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.grok.GrokAdapter;
import com.verivus.gateway.provider.grok.GrokPermissionMode;
import com.verivus.gateway.provider.grok.GrokRequest;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/** grok_request / grok_request_async. */
public record GrokCall(GrokRequest request) implements ProviderCall {

    @Override
    public CliName cli() {
        return CliName.GROK;
    }

    @Override
    public SharedRequest shared() {
        return request.shared();
    }

    @Override
    public ProviderCall with(SharedRequest shared) {
        return new GrokCall(request.withShared(shared));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return GrokAdapter.prepare(request, ctx);
    }

    /** Grok: bypass = alwaysApprove or permissionMode bypassPermissions. */
    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        GrokRequest.Options o = request.options();
        boolean bypass = o.alwaysApprove() || o.permissionMode() == GrokPermissionMode.BYPASS_PERMISSIONS;
        return Optional.of(new ApprovalInputs(bypass, false, ApprovalInputs.metadata(request.shared().model())));
    }
}
