package com.storecrm.crm.pool.internal;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The tenant's return reasons and whether a return needs one (lead manual 4.5, return reasons). */
public interface ReturnReasonRepository extends Repository<LeadPool, java.util.UUID> {

    @NativeQuery("select code, label from lead_return_reason order by position")
    List<Object[]> reasons();

    @NativeQuery("select reasons_required from lead_return_rule")
    boolean required();

    @Modifying
    @NativeQuery("update lead_return_rule set reasons_required = :required")
    void setRequired(@Param("required") boolean required);

    @Modifying
    @NativeQuery("delete from lead_return_reason")
    void clear();

    @Modifying
    @NativeQuery("insert into lead_return_reason (code, label, position) values (:code, :label, :position)")
    void add(@Param("code") String code, @Param("label") String label, @Param("position") int position);
}
