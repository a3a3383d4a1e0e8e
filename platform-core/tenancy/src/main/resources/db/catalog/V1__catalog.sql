-- Platform catalog: tenants, their subsidiaries and stores, users, API clients.
-- Owned by the owner role; the application role gets read access to what it needs to
-- resolve a principal (never the password hashes).

create table tenant (
    id                  uuid primary key,
    slug                text        not null unique,
    name                text        not null,
    currency            char(3)     not null,
    schema_name         text        not null unique,
    status              text        not null check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
    request_fingerprint text        not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create table subsidiary (
    id        uuid primary key,
    tenant_id uuid not null references tenant on delete cascade,
    name      text not null,
    position  int  not null,
    unique (tenant_id, name)
);

create table store (
    id            uuid primary key,
    tenant_id     uuid not null references tenant on delete cascade,
    subsidiary_id uuid not null references subsidiary on delete cascade,
    name          text not null,
    platform      text not null,
    position      int  not null,
    unique (tenant_id, name)
);
create index store_by_subsidiary on store (subsidiary_id);

create table app_user (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant on delete cascade,
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    enabled       boolean     not null default true,
    superior_id   uuid references app_user on delete set null,
    created_at    timestamptz not null default now(),
    unique (tenant_id, username)
);

create table user_role (
    user_id uuid not null references app_user on delete cascade,
    role    text not null check (role in ('TENANT_ADMIN', 'HQ_MANAGER', 'STORE_MANAGER', 'SALES_REP',
                                          'FINANCE', 'SHIPPING', 'MARKETING')),
    primary key (user_id, role)
);

create table user_store (
    user_id  uuid not null references app_user on delete cascade,
    store_id uuid not null references store on delete cascade,
    primary key (user_id, store_id)
);

create table api_client (
    client_id  text primary key,
    tenant_id  uuid        not null references tenant on delete cascade,
    user_id    uuid        not null references app_user on delete cascade,
    created_at timestamptz not null default now()
);
create index api_client_by_tenant on api_client (tenant_id);

-- The authorization server's signing keys, shared by all replicas.
create table signing_key (
    kid         text primary key,
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null default now()
);

-- Spring Authorization Server's JDBC tables (text instead of blob for PostgreSQL).
create table oauth2_registered_client (
    id                            varchar(100)                            not null primary key,
    client_id                     varchar(100)                            not null unique,
    client_id_issued_at           timestamp     default current_timestamp not null,
    client_secret                 varchar(200)  default null,
    client_secret_expires_at      timestamp     default null,
    client_name                   varchar(200)                            not null,
    client_authentication_methods varchar(1000)                           not null,
    authorization_grant_types     varchar(1000)                           not null,
    redirect_uris                 varchar(1000) default null,
    post_logout_redirect_uris     varchar(1000) default null,
    scopes                        varchar(1000)                           not null,
    client_settings               varchar(2000)                           not null,
    token_settings                varchar(2000)                           not null
);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text          default null,
    state                         varchar(500)  default null,
    authorization_code_value      text          default null,
    authorization_code_issued_at  timestamp     default null,
    authorization_code_expires_at timestamp     default null,
    authorization_code_metadata   text          default null,
    access_token_value            text          default null,
    access_token_issued_at        timestamp     default null,
    access_token_expires_at       timestamp     default null,
    access_token_metadata         text          default null,
    access_token_type             varchar(100)  default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text          default null,
    oidc_id_token_issued_at       timestamp     default null,
    oidc_id_token_expires_at      timestamp     default null,
    oidc_id_token_metadata        text          default null,
    refresh_token_value           text          default null,
    refresh_token_issued_at       timestamp     default null,
    refresh_token_expires_at      timestamp     default null,
    refresh_token_metadata        text          default null,
    user_code_value               text          default null,
    user_code_issued_at           timestamp     default null,
    user_code_expires_at          timestamp     default null,
    user_code_metadata            text          default null,
    device_code_value             text          default null,
    device_code_issued_at         timestamp     default null,
    device_code_expires_at        timestamp     default null,
    device_code_metadata          text          default null
);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

grant usage on schema public to ${appRole};
grant select on tenant, subsidiary, store, user_role, user_store, api_client to ${appRole};
grant select (id, tenant_id, username, display_name, enabled, superior_id) on app_user to ${appRole};
