package com.storecrm.crm.account.internal;

import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person at a customer (SPEC §3.4 contacts under accounts). */
@Entity
@Table(name = "contact")
public class Contact extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    private String name;
    private String title;
    private String mobile;
    @Column(name = "chat_id")
    private String chatId;
    private String email;

    protected Contact() {
    }

    public static Contact of(Account account, String name, String title, String mobile, String chatId, String email) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.storeId = account.storeId();
        contact.accountId = account.id();
        contact.name = name;
        contact.title = title;
        contact.mobile = mobile;
        contact.chatId = chatId;
        contact.email = email;
        return contact;
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String mobile() {
        return mobile;
    }

    public String chatId() {
        return chatId;
    }

    public String email() {
        return email;
    }
}
