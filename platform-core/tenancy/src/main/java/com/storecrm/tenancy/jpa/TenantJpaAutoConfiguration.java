package com.storecrm.tenancy.jpa;

import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.transaction.PlatformTransactionManager;

@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({EntityManagerFactory.class, HibernatePropertiesCustomizer.class})
@EnableJpaAuditing(auditorAwareRef = "tenantAuditor", dateTimeProviderRef = "auditClock")
public class TenantJpaAutoConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                    new TenantSchemaConnectionProvider(dataSource));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TenantSchemaResolver());
        };
    }

    @Bean(name = "transactionManager")
    PlatformTransactionManager transactionManager(EntityManagerFactory emf) {
        return new StoreScopedTransactionManager(emf);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditorAware<UUID> tenantAuditor() {
        return () -> TenantContext.current().map(TenantScope::userId);
    }

    @Bean
    DateTimeProvider auditClock(Clock clock) {
        return () -> Optional.of(Instant.now(clock));
    }
}
