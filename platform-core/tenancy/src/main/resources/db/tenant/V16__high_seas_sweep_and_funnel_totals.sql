-- The high-seas sweep selects customers by state and by the time of their last return visit (or,
-- without one, of their ownership), a chunk at a time: with this index each chunk reads only the
-- overdue customers instead of scanning every customer of the tenant again.
create index account_by_ownership_and_last_visit on account (ownership, coalesce(last_return_visit_at, owned_since));

-- The funnel's running totals. Summing a tenant's opportunities on every funnel request costs a scan
-- of all of them (half a million: most of a second on two cores), and a rep's own funnel a scan of
-- their opportunities and history. These tables keep the sums the funnel needs per store, owner,
-- process, expected close month (or day) and stage, so a funnel reads a few thousand rows whatever
-- the number of opportunities: whole months from the monthly totals, the days of a period that only
-- cover part of a month from the daily ones. Triggers keep them in the transaction of every change
-- of an opportunity or of its history, whoever writes it; a statement that changes many rows adds
-- its changes up once, and cells are written in key order so that two transactions never wait for
-- each other in a circle. Store, owner, process and expected close date of an opportunity never
-- change, so a stay is counted under the opportunity as it is when the stay ends. Opportunities are
-- never deleted by the application; a delete is counted all the same.
create table opportunity_funnel_month (
    id                  uuid          primary key default gen_random_uuid(),
    store_id            uuid          not null,
    owner_id            uuid          not null,
    process_id          uuid          not null,
    close_month         date          not null,
    stage_id            uuid          not null,
    status              text          not null,
    furthest_position   int           not null,
    opportunities       bigint        not null,
    amount              numeric(20,2) not null
);
create unique index opportunity_funnel_month_key on opportunity_funnel_month
    (store_id, owner_id, process_id, close_month, stage_id, status, furthest_position) include (opportunities,
        amount);

create table opportunity_funnel_day (
    id                  uuid          primary key default gen_random_uuid(),
    store_id            uuid          not null,
    owner_id            uuid          not null,
    process_id          uuid          not null,
    expected_close_date date          not null,
    stage_id            uuid          not null,
    status              text          not null,
    furthest_position   int           not null,
    opportunities       bigint        not null,
    amount              numeric(20,2) not null
);
create unique index opportunity_funnel_day_key on opportunity_funnel_day
    (store_id, expected_close_date, owner_id, process_id, stage_id, status,
        furthest_position) include (opportunities, amount);

-- completed stays in a stage (an advance or the close ended them), as the funnel's time in stage
create table opportunity_stay_month (
    id                  uuid   primary key default gen_random_uuid(),
    store_id            uuid   not null,
    owner_id            uuid   not null,
    process_id          uuid   not null,
    close_month         date   not null,
    stage_id            uuid   not null,
    stays               bigint not null,
    seconds             bigint not null
);
create unique index opportunity_stay_month_key on opportunity_stay_month
    (store_id, owner_id, process_id, close_month, stage_id) include (stays, seconds);

create table opportunity_stay_day (
    id                  uuid   primary key default gen_random_uuid(),
    store_id            uuid   not null,
    owner_id            uuid   not null,
    process_id          uuid   not null,
    expected_close_date date   not null,
    stage_id            uuid   not null,
    stays               bigint not null,
    seconds             bigint not null
);
create unique index opportunity_stay_day_key on opportunity_stay_day
    (store_id, expected_close_date, owner_id, process_id, stage_id) include (stays, seconds);

create function opportunity_funnel_count() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        insert into ${flyway:defaultSchema}.opportunity_funnel_month as t (store_id, owner_id, process_id,
            close_month, stage_id, status,
            furthest_position, opportunities, amount)
        select store_id, owner_id, process_id, cast(date_trunc('month', expected_close_date) as date),
            stage_id, status, furthest_position, count(*), sum(amount)
        from new_rows
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (store_id, owner_id, process_id, close_month, stage_id, status, furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
        insert into ${flyway:defaultSchema}.opportunity_funnel_day as t (store_id, owner_id, process_id,
            expected_close_date, stage_id, status,
            furthest_position, opportunities, amount)
        select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position,
            count(*), sum(amount)
        from new_rows
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (store_id, owner_id, process_id, expected_close_date, stage_id, status,
            furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
    elsif tg_op = 'UPDATE' then
        insert into ${flyway:defaultSchema}.opportunity_funnel_month as t (store_id, owner_id, process_id,
            close_month, stage_id, status,
            furthest_position, opportunities, amount)
        select store_id, owner_id, process_id, cast(date_trunc('month', expected_close_date) as date),
            stage_id, status, furthest_position, sum(n), sum(amount)
        from (select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position, 1 as n,
                  amount from new_rows
              union all
              select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position, -1,
                  -amount from old_rows) change
        group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0 or sum(amount) <> 0 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (store_id, owner_id, process_id, close_month, stage_id, status, furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
        insert into ${flyway:defaultSchema}.opportunity_funnel_day as t (store_id, owner_id, process_id,
            expected_close_date, stage_id, status,
            furthest_position, opportunities, amount)
        select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position,
            sum(n), sum(amount)
        from (select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position, 1 as n,
                  amount from new_rows
              union all
              select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position, -1,
                  -amount from old_rows) change
        group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0 or sum(amount) <> 0 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (store_id, owner_id, process_id, expected_close_date, stage_id, status,
            furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
    else
        insert into ${flyway:defaultSchema}.opportunity_funnel_month as t (store_id, owner_id, process_id,
            close_month, stage_id, status,
            furthest_position, opportunities, amount)
        select store_id, owner_id, process_id, cast(date_trunc('month', expected_close_date) as date),
            stage_id, status, furthest_position, -count(*), -sum(amount)
        from old_rows
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (store_id, owner_id, process_id, close_month, stage_id, status, furthest_position) do update
            set opportunities = t.opportunities + excluded.opportunities, amount = t.amount + excluded.amount;
        insert into ${flyway:defaultSchema}.opportunity_funnel_day as t (store_id, owner_id, process_id,
            expected_close_date, stage_id, status,
            furthest_position, opportunities, amount)
        select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position,
            -count(*), -sum(amount)
        from old_rows
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (store_id, owner_id, process_id, expected_close_date, stage_id, status,
            furthest_position) do update
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
    insert into ${flyway:defaultSchema}.opportunity_stay_month as t (store_id, owner_id, process_id,
        close_month, stage_id, stays, seconds)
    select o.store_id, o.owner_id, o.process_id, cast(date_trunc('month', o.expected_close_date) as date),
        h.from_stage, count(*), sum(h.seconds_in_stage)
    from new_rows h join ${flyway:defaultSchema}.opportunity o on o.id = h.opportunity_id
    where h.seconds_in_stage is not null and h.from_stage is not null
      and h.action in ('ADVANCE', 'APPROVE_ADVANCE', 'WIN', 'LOSE', 'INVALIDATE')
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (store_id, owner_id, process_id, close_month, stage_id) do update
        set stays = t.stays + excluded.stays, seconds = t.seconds + excluded.seconds;
    insert into ${flyway:defaultSchema}.opportunity_stay_day as t (store_id, owner_id, process_id,
        expected_close_date, stage_id, stays, seconds)
    select o.store_id, o.owner_id, o.process_id, o.expected_close_date, h.from_stage, count(*),
        sum(h.seconds_in_stage)
    from new_rows h join ${flyway:defaultSchema}.opportunity o on o.id = h.opportunity_id
    where h.seconds_in_stage is not null and h.from_stage is not null
      and h.action in ('ADVANCE', 'APPROVE_ADVANCE', 'WIN', 'LOSE', 'INVALIDATE')
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (store_id, owner_id, process_id, expected_close_date, stage_id) do update
        set stays = t.stays + excluded.stays, seconds = t.seconds + excluded.seconds;
    return null;
end
$$;

create trigger opportunity_funnel_insert after insert on opportunity
    referencing new table as new_rows for each statement execute function opportunity_funnel_count();
create trigger opportunity_funnel_update after update on opportunity
    referencing old table as old_rows new table as new_rows
    for each statement execute function opportunity_funnel_count();
create trigger opportunity_funnel_delete after delete on opportunity
    referencing old table as old_rows for each statement execute function opportunity_funnel_count();
create trigger opportunity_stay_insert after insert on opportunity_history
    referencing new table as new_rows for each statement execute function opportunity_stay_count();

alter table opportunity_funnel_month enable row level security;
alter table opportunity_funnel_month force row level security;
create policy opportunity_funnel_month_store_isolation on opportunity_funnel_month
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table opportunity_funnel_day enable row level security;
alter table opportunity_funnel_day force row level security;
create policy opportunity_funnel_day_store_isolation on opportunity_funnel_day
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table opportunity_stay_month enable row level security;
alter table opportunity_stay_month force row level security;
create policy opportunity_stay_month_store_isolation on opportunity_stay_month
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table opportunity_stay_day enable row level security;
alter table opportunity_stay_day force row level security;
create policy opportunity_stay_day_store_isolation on opportunity_stay_day
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

-- the totals of what exists already; the policies bind the owner too (FORCE), so inside this tenant's scope
select set_config('app.tenant', '${flyway:defaultSchema}', true), set_config('app.all_stores', 'on', true);
insert into opportunity_funnel_month (store_id, owner_id, process_id, close_month, stage_id, status,
    furthest_position,
    opportunities, amount)
select store_id, owner_id, process_id, cast(date_trunc('month', expected_close_date) as date), stage_id,
    status, furthest_position, count(*), sum(amount)
from opportunity group by 1, 2, 3, 4, 5, 6, 7;
insert into opportunity_funnel_day (store_id, owner_id, process_id, expected_close_date, stage_id, status,
    furthest_position, opportunities, amount)
select store_id, owner_id, process_id, expected_close_date, stage_id, status, furthest_position, count(*), sum(amount)
from opportunity group by 1, 2, 3, 4, 5, 6, 7;
insert into opportunity_stay_month (store_id, owner_id, process_id, close_month, stage_id, stays, seconds)
select o.store_id, o.owner_id, o.process_id, cast(date_trunc('month', o.expected_close_date) as date), h.from_stage,
    count(*), sum(h.seconds_in_stage)
from opportunity_history h join opportunity o on o.id = h.opportunity_id
where h.seconds_in_stage is not null and h.from_stage is not null
  and h.action in ('ADVANCE', 'APPROVE_ADVANCE', 'WIN', 'LOSE', 'INVALIDATE')
group by 1, 2, 3, 4, 5;
insert into opportunity_stay_day (store_id, owner_id, process_id, expected_close_date, stage_id, stays, seconds)
select o.store_id, o.owner_id, o.process_id, o.expected_close_date, h.from_stage, count(*), sum(h.seconds_in_stage)
from opportunity_history h join opportunity o on o.id = h.opportunity_id
where h.seconds_in_stage is not null and h.from_stage is not null
  and h.action in ('ADVANCE', 'APPROVE_ADVANCE', 'WIN', 'LOSE', 'INVALIDATE')
group by 1, 2, 3, 4, 5;

-- written only by the triggers, in the application's transactions
grant select, insert, update on opportunity_funnel_month, opportunity_funnel_day, opportunity_stay_month,
    opportunity_stay_day to ${appRole};

alter table opportunity_funnel_month replica identity full;
alter table opportunity_funnel_day replica identity full;
alter table opportunity_stay_month replica identity full;
alter table opportunity_stay_day replica identity full;
alter publication storecrm_cdc add table opportunity_funnel_month, opportunity_funnel_day, opportunity_stay_month,
    opportunity_stay_day;
grant select on opportunity_funnel_month, opportunity_funnel_day, opportunity_stay_month, opportunity_stay_day
    to ${cdcRole};
