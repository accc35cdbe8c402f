-- Refusals (API tokens refused, sign-ins failed) counted per kind and source within a window, so that the audit trail
-- gets the first of a window at once and one entry with the count when the window ends, not one entry per refusal.
create table refusal_window (
    kind         varchar(32)   not null,
    source       varchar(255)  not null,
    window_start timestamp with time zone not null,
    last_at      timestamp with time zone not null,
    refusals     integer       not null,
    attempts     varchar(2000) not null,
    primary key (kind, source)
);
