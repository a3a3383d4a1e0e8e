-- Claim limits at scale (issue 5's claims benchmark): a claim request counted the member's claims
-- of the day and the pool leads they hold, and both counts grew with every claim (thousands of rows
-- read per request by the end of a busy day).
-- * Claims of a member per pool and UTC day are kept as a count, added up by a trigger on the claim
--   log, so whoever writes a claim keeps the count right; the member's lock (lead_pool_member) still
--   serialises their claims, so the count cannot be outrun, and a statement's claims are added up
--   once, in key order, so two transactions never wait for each other in a circle.
-- * The held count reads a partial index of held pool leads only.

create table lead_pool_claim_day (
    pool_id  uuid not null references lead_pool on delete cascade,
    user_id  uuid not null,
    day      date not null,
    store_id uuid not null,
    claims   int  not null,
    primary key (pool_id, user_id, day)
);

create function lead_pool_claim_count() returns trigger
    language plpgsql
as $$
begin
    insert into ${flyway:defaultSchema}.lead_pool_claim_day as t (pool_id, user_id, day, store_id, claims)
    select pool_id, user_id, cast(claimed_at at time zone 'UTC' as date), min(cast(store_id as text))::uuid,
        count(*)
    from new_rows
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (pool_id, user_id, day) do update set claims = t.claims + excluded.claims;
    return null;
end
$$;
create trigger lead_pool_claim_count after insert on lead_pool_claim
    referencing new table as new_rows for each statement execute function lead_pool_claim_count();

-- the counts of what exists already; the policies bind the owner too (FORCE)
select set_config('app.tenant', '${flyway:defaultSchema}', true), set_config('app.all_stores', 'on', true);
insert into lead_pool_claim_day (pool_id, user_id, day, store_id, claims)
select pool_id, user_id, cast(claimed_at at time zone 'UTC' as date), min(cast(store_id as text))::uuid, count(*)
from lead_pool_claim
group by 1, 2, 3;

create index lead_held_in_pool on lead (pool_id, owner_id)
    where pool_id is not null and owner_id is not null and status in ('PENDING', 'IN_PROGRESS', 'INVALID');

alter table lead_pool_claim_day enable row level security;
alter table lead_pool_claim_day force row level security;
create policy lead_pool_claim_day_store_isolation on lead_pool_claim_day
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, insert, update on lead_pool_claim_day to ${appRole};

alter table lead_pool_claim_day replica identity full;
alter publication storecrm_cdc add table lead_pool_claim_day;
grant select on lead_pool_claim_day to ${cdcRole};
