package com.storecrm.crm.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {

    Page<Notification> findByRecipientId(UUID recipientId, Pageable pageable);

    Page<Notification> findByRecipientIdAndReadAtIsNull(UUID recipientId, Pageable pageable);

    List<Notification> findByIdIn(Collection<UUID> ids);

    /** Stores the notification unless this event already notified this recipient; the id when stored. */
    @NativeQuery("""
            insert into notification (id, store_id, recipient_id, kind, lead_id, pool_id, message, event_key, created_at)
            values (:id, :store, :recipient, :kind, :lead, :pool, :message, :key, :at)
            on conflict (event_key, recipient_id) do nothing returning id""")
    Optional<UUID> add(@Param("id") UUID id, @Param("store") UUID store, @Param("recipient") UUID recipient,
                       @Param("kind") String kind, @Param("lead") UUID lead, @Param("pool") UUID pool,
                       @Param("message") String message, @Param("key") String key, @Param("at") Instant at);

    @Modifying
    @NativeQuery("update notification set webhook_status = :status, webhook_error = :error, webhook_at = :at where id = :id")
    void recordDelivery(@Param("id") UUID id, @Param("status") String status, @Param("error") String error,
                        @Param("at") Instant at);

    @NativeQuery("select url from notification_webhook")
    Optional<String> webhookUrl();

    @Modifying
    @NativeQuery("delete from notification_webhook")
    void clearWebhook();

    @Modifying
    @NativeQuery("insert into notification_webhook (url) values (:url)")
    void setWebhook(@Param("url") String url);
}
