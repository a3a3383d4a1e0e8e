package com.storecrm.crm.notification;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The tenant's webhook address; none (null) turns the webhook off. */
public record WebhookSetting(@Size(max = 2000) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url) {
}
