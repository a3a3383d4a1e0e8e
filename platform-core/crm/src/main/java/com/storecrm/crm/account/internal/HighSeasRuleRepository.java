package com.storecrm.crm.account.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HighSeasRuleRepository extends JpaRepository<HighSeasRule, Integer> {
}
