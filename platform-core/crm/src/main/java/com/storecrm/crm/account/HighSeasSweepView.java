package com.storecrm.crm.account;

/** What a high-seas sweep run on request did: how many customers it moved to the high seas. */
public record HighSeasSweepView(int moved) {
}
