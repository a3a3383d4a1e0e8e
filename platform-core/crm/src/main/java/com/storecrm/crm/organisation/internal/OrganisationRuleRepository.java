package com.storecrm.crm.organisation.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRuleRepository extends JpaRepository<OrganisationRule, Integer> {
}
