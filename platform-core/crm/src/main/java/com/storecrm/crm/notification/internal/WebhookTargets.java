package com.storecrm.crm.notification.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook addresses the CRM may call. Tenants set the address, so without this guard a
 * tenant could make the CRM post into the operator's own network (server-side request forgery):
 * loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local and multicast
 * addresses are refused unless the operator allows private targets (local development, tests).
 */
public final class WebhookTargets {

    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the CRM will not call this address, or empty when it may. */
    public Optional<String> refusal(URI target) {
        if (target.getHost() == null || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
            return Optional.of("must be an http(s) URL with a host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + target.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("the host " + target.getHost() + " is an internal address (" + address.getHostAddress()
                        + "); webhooks go to public receivers only");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
