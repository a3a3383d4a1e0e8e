package com.storecrm.crm.notification;

import java.net.URI;

/** Where notifications leave the CRM: posts one notification to the tenant's configured address. */
public interface WebhookPort {

    Delivery deliver(URI target, NotificationView notification);

    /** The outcome of one delivery; {@code error} says why it failed. */
    record Delivery(boolean delivered, String error) {

        public static Delivery ok() {
            return new Delivery(true, null);
        }

        public static Delivery failed(String error) {
            return new Delivery(false, error);
        }
    }
}
