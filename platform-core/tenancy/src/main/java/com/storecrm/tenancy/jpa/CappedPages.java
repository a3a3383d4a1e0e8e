package com.storecrm.tenancy.jpa;

import com.storecrm.tenancy.web.PageResponse;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;

/**
 * A page of the entities a specification matches, counted only up to a cap. An exact
 * {@code count(*)} reads every matching row, which for a list of hundreds of thousands of records
 * costs far more than the page itself; beyond the cap the total is reported as a lower bound. A
 * short last page needs no count at all. Entities must have an {@code id} attribute.
 */
public final class CappedPages {

    private CappedPages() {
    }

    public static <E, T> PageResponse<T> page(EntityManager entityManager, Class<E> type, Specification<E> spec,
                                              Pageable pageable, int cap, Function<E, T> mapper) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(type);
        Root<E> root = query.from(type);
        Predicate matching = spec.toPredicate(root, query, cb);
        if (matching != null) {
            query.where(matching);
        }
        query.orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<E> content = entityManager.createQuery(query).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize()).getResultList();
        long offset = pageable.getOffset();
        long total;
        boolean exact = true;
        if (content.size() < pageable.getPageSize() && (!content.isEmpty() || offset == 0)) {
            total = offset + content.size();
        } else {
            CriteriaQuery<Object> ids = cb.createQuery(Object.class);
            Root<E> counted = ids.from(type);
            Predicate alsoMatching = spec.toPredicate(counted, ids, cb);
            ids.select(counted.get("id"));
            if (alsoMatching != null) {
                ids.where(alsoMatching);
            }
            int found = entityManager.createQuery(ids).setMaxResults(cap + 1).getResultList().size();
            exact = found <= cap;
            total = exact ? found : content.isEmpty() ? cap : Math.max(cap, offset + content.size());
        }
        return new PageResponse<>(content.stream().map(mapper).toList(), pageable.getPageNumber(),
                pageable.getPageSize(), total, exact);
    }
}
