-- The high-seas sweep selects customers by state and by the time of their last return visit (or,
-- without one, of their ownership), a chunk at a time: with this index each chunk reads only the
-- overdue customers instead of scanning every customer of the tenant again.
create index account_by_ownership_and_last_visit on account (ownership, coalesce(last_return_visit_at, owned_since));

-- The funnel's running totals. Summing a tenant's opportunities on every funnel request costs a scan
-- of all of them (half a million: most of a second on two cores); these tables keep the sums the
-- funnel needs per store, process, expected close date and stage, so a funnel over the stores a
-- supervisor sees reads a few thousand rows whatever the number of opportunities. Triggers keep
-- them in the transaction of every change of an opportunity or of its history, whoever writes it;
-- a statement that changes many rows adds its changes up once, and the cells are written in key
-- order so that two transactions never wait for each other in a circle. Opportunities are never
-- deleted by the application; a delete is counted all the same.
create table opportunity_funnel_total (
    id                  uuid          primary key default gen_random_uuid(),
    store_id            uuid          not null,
    process_id          uuid          not null,
    expected_close_date date          not null,
    stage_id            uuid          not null,
    status              text          not null,
    furthest_position   int           not null,
    opportunities       bigint        not null,
    amount              numeric(20,2) not null
);
create unique index opportunity_funnel_total_key on opportunity_funnel_total
    (store_id, process_id, expected_close_date, stage_id, status, furthest_position) include (opportunities, amount);

-- completed stays in a stage (an advance or the close ended them), as the funnel's time in stage
create table opportunity_stay_total (
    id                  uuid   primary key default gen_random_uuid(),
    store_id            uuid   not null,
    process_id          uuid   not null,
    expected_close_date date   not null,
    stage_id            uuid   not null,
    stays               bigint not null,
    seconds             bigint not null
);
create unique index opportunity_stay_total_key on opportunity_stay_total
    (store_id, process_id, expected_close_date, stage_id) include (stays, seconds);

create function opportunity_funnel_count() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        insert into ${flyway:defaultSchema}.opportunity_funnel_total as t (store_id, process_id, expected_close_date,
            stage_id, status, furthest_position, opportunities, amount)
        select store_id, process_id, expected_close_date, stage_id, status, furthest_position, count(*), sum(amount)
        from new_rows
        group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
        on conflict (store_id, process_id, expected_close_date, stage_id, status, furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
    elsif tg_op = 'UPDATE' then
        insert into ${flyway:defaultSchema}.opportunity_funnel_total as t (store_id, process_id, expected_close_date,
            stage_id, status, furthest_position, opportunities, amount)
        select store_id, process_id, expected_close_date, stage_id, status, furthest_position, sum(n), sum(amount)
        from (select store_id, process_id, expected_close_date, stage_id, status, furthest_position, 1 as n, amount
              from new_rows
              union all
              select store_id, process_id, expected_close_date, stage_id, status, furthest_position, -1, -amount
              from old_rows) change
        group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0 or sum(amount) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (store_id, process_id, expected_close_date, stage_id, status, furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
    else
        insert into ${flyway:defaultSchema}.opportunity_funnel_total as t (store_id, process_id, expected_close_date,
            stage_id, status, furthest_position, opportunities, amount)
        select store_id, process_id, expected_close_date, stage_id, status, furthest_position, -count(*), -sum(amount)
        from old_rows
        group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
        on conflict (store_id, process_id, expected_close_date, stage_id, status, furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
    end if;
    return null;
end
$$;

-- a stay ends with the history entry that has its time in stage (the funnel's definition)
create function opportunity_stay_count() returns trigger
    language plpgsql
as $$
begin
    insert into ${flyway:defaultSchema}.opportunity_stay_total as t (store_id, process_id, expected_close_date, stage_id,
        stays, seconds)
    select o.store_id, o.process_id, o.expected_close_date, h.from_stage, count(*), sum(h.seconds_in_stage)
    from new_rows h join ${flyway:defaultSchema}.opportunity o on o.id = h.opportunity_id
    where h.seconds_in_stage is not null and h.from_stage is not null
      and h.action in ('ADVANCE', 'APPROVE_ADVANCE', 'WIN', 'LOSE', 'INVALIDATE')
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (store_id, process_id, expected_close_date, stage_id) do update
        set stays = t.stays + excluded.stays, seconds = t.seconds + excluded.seconds;
    return null;
end
$$;

create trigger opportunity_funnel_insert after insert on opportunity
    referencing new table as new_rows for each statement execute function opportunity_funnel_count();
create trigger opportunity_funnel_update after update on opportunity
    referencing old table as old_rows new table as new_rows for each statement execute function opportunity_funnel_count();
create trigger opportunity_funnel_delete after delete on opportunity
    referencing old table as old_rows for each statement execute function opportunity_funnel_count();
create trigger opportunity_stay_insert after insert on opportunity_history
    referencing new table as new_rows for each statement execute function opportunity_stay_count();

alter table opportunity_funnel_total enable row level security;
alter table opportunity_funnel_total force row level security;
create policy opportunity_funnel_total_store_isolation on opportunity_funnel_total
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table opportunity_stay_total enable row level security;
alter table opportunity_stay_total force row level security;
create policy opportunity_stay_total_store_isolation on opportunity_stay_total
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

-- the totals of what exists already; the policies bind the owner too (FORCE), so inside this tenant's scope
select set_config('app.tenant', '${flyway:defaultSchema}', true), set_config('app.all_stores', 'on', true);
insert into opportunity_funnel_total (store_id, process_id, expected_close_date, stage_id, status, furthest_position,
    opportunities, amount)
select store_id, process_id, expected_close_date, stage_id, status, furthest_position, count(*), sum(amount)
from opportunity group by 1, 2, 3, 4, 5, 6;
insert into opportunity_stay_total (store_id, process_id, expected_close_date, stage_id, stays, seconds)
select o.store_id, o.process_id, o.expected_close_date, h.from_stage, count(*), sum(h.seconds_in_stage)
from opportunity_history h join opportunity o on o.id = h.opportunity_id
where h.seconds_in_stage is not null and h.from_stage is not null
  and h.action in ('ADVANCE', 'APPROVE_ADVANCE', 'WIN', 'LOSE', 'INVALIDATE')
group by 1, 2, 3, 4;

-- written only by the triggers, in the application's transactions
grant select, insert, update on opportunity_funnel_total, opportunity_stay_total to ${appRole};

alter table opportunity_funnel_total replica identity full;
alter table opportunity_stay_total replica identity full;
alter publication storecrm_cdc add table opportunity_funnel_total, opportunity_stay_total;
grant select on opportunity_funnel_total, opportunity_stay_total to ${cdcRole};
