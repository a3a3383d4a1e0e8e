package com.storecrm.tenancy.catalog;

/** Called before each provisioning step; lets tests inject a failure at a chosen step. */
@FunctionalInterface
public interface ProvisioningProbe {

    ProvisioningProbe NONE = step -> { };

    void before(String step);
}
