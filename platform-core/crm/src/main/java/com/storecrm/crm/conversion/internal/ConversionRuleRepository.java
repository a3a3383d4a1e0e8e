package com.storecrm.crm.conversion.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversionRuleRepository extends JpaRepository<ConversionRule, Integer> {
}
