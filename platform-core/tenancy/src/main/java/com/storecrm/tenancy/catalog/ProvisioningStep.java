package com.storecrm.tenancy.catalog;

/**
 * One step of onboarding a tenant. A step that fails, or any later step that fails, gets its
 * {@link #undo} called, so onboarding either completes or leaves nothing behind. Both methods must
 * be idempotent: undo also runs when a crashed onboarding is cleaned up.
 */
public interface ProvisioningStep {

    String name();

    void apply(ProvisionedTenant tenant);

    void undo(ProvisionedTenant tenant);
}
