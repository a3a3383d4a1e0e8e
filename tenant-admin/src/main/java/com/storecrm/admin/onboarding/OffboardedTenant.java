package com.storecrm.admin.onboarding;

/**
 * An offboarded tenant: its schema and catalog rows are gone; {@code warehousePurged} says whether
 * the analytics warehouse accepted the deletion of its rows (false: run it again or purge by hand).
 */
public record OffboardedTenant(String slug, boolean warehousePurged) {
}
