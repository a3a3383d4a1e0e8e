package com.storecrm.bench;

/**
 * Which row change the n-th change of the CDC latency benchmark is: tenants take turns round-robin,
 * and each tenant's turns cycle through 6 inserts, 3 updates and 1 delete (in every 10 of its turns),
 * its inserts cycling through its stores. The cycle is shifted by the tenant's number, so any
 * {@code tenants} consecutive changes mix the three kinds instead of all tenants inserting at once.
 */
final class ChangePlan {

    enum Kind { INSERT, UPDATE, DELETE }

    record Change(Kind kind, int tenant, int store) {
    }

    static final int CYCLE = 10;
    static final int INSERTS = 6;
    static final int UPDATES = 3;

    private final int tenants;
    private final int storesPerTenant;

    ChangePlan(int tenants, int storesPerTenant) {
        if (tenants < 1 || storesPerTenant < 1) {
            throw new IllegalArgumentException("need at least one tenant with one store");
        }
        this.tenants = tenants;
        this.storesPerTenant = storesPerTenant;
    }

    Change change(long n) {
        int tenant = (int) (n % tenants);
        long turn = n / tenants;
        long step = (turn + tenant) % CYCLE;
        Kind kind = step < INSERTS ? Kind.INSERT : step < INSERTS + UPDATES ? Kind.UPDATE : Kind.DELETE;
        return new Change(kind, tenant, (int) (turn % storesPerTenant));
    }
}
