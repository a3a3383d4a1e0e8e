package com.storecrm.crm.lead.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BusinessCardRepository extends JpaRepository<BusinessCard, UUID> {
}
