package com.storecrm.admin.signin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks a person up for the login form; users of a suspended tenant are disabled. */
@Component
class TenantUserLogin implements UserDetailsService {

    private final JdbcClient jdbc;

    TenantUserLogin(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        LoginName name = LoginName.parse(login).orElseThrow(() -> new UsernameNotFoundException("sign in as user@company"));
        return jdbc.sql("""
                select u.id, u.password_hash, u.enabled and t.status = 'ACTIVE' as active,
                       array(select r.role from public.user_role r where r.user_id = u.id) as roles
                from public.app_user u join public.tenant t on t.id = u.tenant_id
                where t.slug = :slug and u.username = :username""")
                .param("slug", name.tenantSlug()).param("username", name.username())
                .query((rs, n) -> User.withUsername(name.toString())
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("active"))
                        .authorities(List.of((Object[]) rs.getArray("roles").getArray()).stream()
                                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<UUID> userId(LoginName name) {
        return jdbc.sql("""
                select u.id from public.app_user u join public.tenant t on t.id = u.tenant_id
                where t.slug = :slug and u.username = :username""")
                .param("slug", name.tenantSlug()).param("username", name.username())
                .query(UUID.class).optional();
    }
}
