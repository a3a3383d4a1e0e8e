package com.storecrm.crm.account.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface ContactRepository extends JpaRepository<Contact, UUID> {

    List<Contact> findByAccountIdOrderByCreatedAt(UUID accountId);

    /** A contact of the store with this mobile number (digits only) or email address (any case), if any. */
    @NativeQuery("""
            select id from contact where store_id = :store
              and ((nullif(regexp_replace(coalesce(:mobile, ''), '[^0-9]', '', 'g'), '') is not null
                    and regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g')
                        = regexp_replace(coalesce(:mobile, ''), '[^0-9]', '', 'g'))
                or (nullif(lower(btrim(coalesce(:email, ''))), '') is not null
                    and lower(btrim(email)) = lower(btrim(:email))))
            order by created_at, id limit 1""")
    Optional<UUID> matching(@Param("store") UUID store, @Param("mobile") String mobile, @Param("email") String email);
}
