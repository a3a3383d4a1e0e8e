package com.storecrm.crm.account;

/** The customer a conversion ends in, and whether it existed already (linked) or was created. */
public record AccountLink(AccountRef account, boolean linked) {
}
