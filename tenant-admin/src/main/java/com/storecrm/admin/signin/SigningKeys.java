package com.storecrm.admin.signin;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token signing key lives in the catalog so that every replica (and every restart) signs with
 * the same key and tokens stay valid. The first instance to start creates it.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static JWKSource<SecurityContext> load(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        KeyPair generated = generate();
        jdbc.sql("""
                insert into public.signing_key (kid, private_key, public_key)
                select :kid, :private, :public where not exists (select 1 from public.signing_key)""")
                .param("kid", UUID.randomUUID().toString())
                .param("private", Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()))
                .param("public", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()))
                .update();
        RSAKey key = jdbc.sql("select kid, private_key, public_key from public.signing_key order by created_at desc, kid limit 1")
                .query((rs, n) -> rsa(rs.getString("kid"), rs.getString("private_key"), rs.getString("public_key")))
                .single();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RSAKey rsa(String kid, String privateKey, String publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
