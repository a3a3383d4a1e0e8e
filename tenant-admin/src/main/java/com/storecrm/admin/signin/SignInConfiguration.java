package com.storecrm.admin.signin;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.storecrm.admin.PlatformAdminProperties;
import com.storecrm.tenancy.security.PlatformJwtDecoders;
import com.storecrm.tenancy.security.PlatformSecurityProperties;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The authorization server's state: keys, clients and authorizations, all in the catalog database. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(DataSource dataSource) {
        return SigningKeys.load(dataSource);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(PlatformJwtDecoders.validator(properties));
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(PlatformSecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc, PasswordEncoder passwords,
                                                 PlatformAdminProperties properties) {
        JdbcRegisteredClientRepository clients = new JdbcRegisteredClientRepository(jdbc);
        RegisteredClient operator = clients.findByClientId(PlatformClients.OPERATOR);
        clients.save(RegisteredClient.withId(operator == null ? UUID.randomUUID().toString() : operator.getId())
                .clientId(PlatformClients.OPERATOR)
                .clientName("Platform operator")
                .clientSecret(passwords.encode(properties.operatorSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(PlatformClients.OPERATOR_SCOPE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build());
        RegisteredClient web = clients.findByClientId(PlatformClients.WEB);
        clients.save(RegisteredClient.withId(web == null ? UUID.randomUUID().toString() : web.getId())
                .clientId(PlatformClients.WEB)
                .clientName("StoreCRM web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.webRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .scopes(scopes -> scopes.addAll(PlatformClients.TENANT_SCOPES))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build());
        return clients;
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }
}
