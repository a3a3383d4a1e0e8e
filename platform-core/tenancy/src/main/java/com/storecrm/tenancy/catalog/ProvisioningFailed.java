package com.storecrm.tenancy.catalog;

public class ProvisioningFailed extends RuntimeException {

    public ProvisioningFailed(String slug, String step, Throwable cause) {
        super("onboarding of tenant '" + slug + "' failed at step '" + step + "' and was rolled back: "
                + cause.getMessage(), cause);
    }
}
