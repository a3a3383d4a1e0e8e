package com.storecrm.crm.visit.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VisitRuleRepository extends JpaRepository<VisitRule, Integer> {
}
