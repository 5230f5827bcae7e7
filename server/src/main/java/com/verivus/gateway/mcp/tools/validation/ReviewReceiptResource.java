package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.changereview.ReceiptLookup;
import com.verivus.gateway.mcp.GatewayResourceTemplate;
import com.verivus.gateway.mcp.ToolResults;

/** review-receipt://{id}: one review_changes receipt, as validation_receipt returns it. */
public final class ReviewReceiptResource implements GatewayResourceTemplate {

    private final ReceiptLookup lookup;

    public ReviewReceiptResource(ReceiptLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String uriTemplate() {
        return "review-receipt://{id}";
    }

    @Override
    public String name() {
        return "review-receipt";
    }

    @Override
    public String title() {
        return "Review receipt";
    }

    @Override
    public String description() {
        return "The immutable receipt of one review_changes run (id from its result): change-set hash, base and head "
                + "commits, included parts, each reviewer's and the judge's provider, CLI version, job id, status and "
                + "output hash, timestamps, and whether the stored body is intact.";
    }

    @Override
    public String read(String uri) {
        return ToolResults.pretty(lookup.read(uri));
    }
}
