package com.storecrm.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scope of the current unit of work. Set by the web layer after authentication and by event
 * listeners from the event they handle; everything that touches tenant data reads it from here.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<TenantScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current scope; a missing scope is a programming error and must never fall back to a default. */
    public static TenantScope require() {
        TenantScope scope = CURRENT.get();
        if (scope == null) {
            throw new MissingTenantScope();
        }
        return scope;
    }

    public static <T> T callAs(TenantScope scope, Supplier<T> work) {
        TenantScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(TenantScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    static void set(TenantScope scope) {
        CURRENT.set(scope);
    }

    static void clear() {
        CURRENT.remove();
    }

    private static void restore(TenantScope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    public static final class MissingTenantScope extends IllegalStateException {
        MissingTenantScope() {
            super("no tenant scope on this thread: tenant data is only reachable for an authenticated tenant user");
        }
    }
}
