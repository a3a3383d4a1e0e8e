-- The high-seas sweep selects customers by state and by the time of their last return visit (or,
-- without one, of their ownership), a chunk at a time: with this index each chunk reads only the
-- overdue customers instead of scanning every customer of the tenant again.
create index account_by_ownership_and_last_visit on account (ownership, coalesce(last_return_visit_at, owned_since));
