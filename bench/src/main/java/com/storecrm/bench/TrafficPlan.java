package com.storecrm.bench;

/**
 * Which request the n-th request of a phase is: tenants take turns round-robin, each tenant's
 * turns alternate between creating a lead and reading one, and its creates cycle through its stores.
 * Over any {@code 2 x tenants} consecutive requests every tenant gets one create and one read.
 */
final class TrafficPlan {

    enum Kind { CREATE, GET }

    record Slot(Kind kind, int tenant, int store) {
    }

    private final int tenants;
    private final int storesPerTenant;

    TrafficPlan(int tenants, int storesPerTenant) {
        if (tenants < 1 || storesPerTenant < 1) {
            throw new IllegalArgumentException("need at least one tenant with one store");
        }
        this.tenants = tenants;
        this.storesPerTenant = storesPerTenant;
    }

    /** Half creates, half reads. */
    Slot mixed(long n) {
        int tenant = (int) (n % tenants);
        long turn = n / tenants;
        Kind kind = turn % 2 == 0 ? Kind.CREATE : Kind.GET;
        return new Slot(kind, tenant, (int) ((turn / 2) % storesPerTenant));
    }

    /** One create in every store of every tenant, so that each tenant has leads to read. */
    Slot seed(long n) {
        return new Slot(Kind.CREATE, (int) (n % tenants), (int) ((n / tenants) % storesPerTenant));
    }

    int seedRequests() {
        return tenants * storesPerTenant;
    }
}
