package com.storecrm.admin.signin;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/** Issues and revokes tenant API clients: client-credentials clients that act as one tenant user. */
@Service
public class ApiClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository clients;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Duration accessTokenTtl;

    ApiClients(RegisteredClientRepository clients, JdbcClient jdbc, PasswordEncoder passwords,
               com.storecrm.admin.PlatformAdminProperties properties) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.accessTokenTtl = properties.accessTokenTtl();
    }

    public record IssuedClient(String clientId, String clientSecret) {
    }

    /** The secret is shown once, here; only its hash is kept. */
    public IssuedClient issue(UUID tenantId, String tenantSlug, UUID userId) {
        String clientId = tenantSlug + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = randomSecret();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName("API client of " + tenantSlug)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(PlatformClients.TENANT_SCOPES))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build())
                .build());
        jdbc.sql("insert into public.api_client (client_id, tenant_id, user_id) values (:client, :tenant, :user)")
                .param("client", clientId).param("tenant", tenantId).param("user", userId).update();
        return new IssuedClient(clientId, secret);
    }

    public List<String> clientIdsOf(UUID tenantId) {
        return jdbc.sql("select client_id from public.api_client where tenant_id = :tenant order by created_at")
                .param("tenant", tenantId).query(String.class).list();
    }

    /** Removes every API client of a tenant, with any authorizations issued to them. */
    public void revokeAll(UUID tenantId) {
        List<String> ids = clientIdsOf(tenantId);
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                delete from public.oauth2_authorization where registered_client_id in
                  (select id from public.oauth2_registered_client where client_id in (:ids))""").param("ids", ids).update();
        jdbc.sql("delete from public.oauth2_registered_client where client_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from public.api_client where client_id in (:ids)").param("ids", ids).update();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
