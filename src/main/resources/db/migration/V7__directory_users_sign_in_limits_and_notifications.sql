-- Users who sign in through the directory get a record here too (language, audit name), without a password.
alter table app_user add column directory boolean default false not null;
alter table app_user alter column password_hash drop not null;

-- Failed sign-ins, counted per user name and per client address in the database, so that the limit holds
-- across every console node. One row per key ('user:alice', 'address:192.0.2.7').
create table sign_in_failures (
    throttle_key varchar(320) primary key,
    failures     integer      not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone
);

-- The notices mailed about rollouts (its end; its first host that needs attention): the node that inserts the
-- row sends the mail, no other node does.
create table rollout_notification (
    change_request_id bigint      not null,
    notice            varchar(16) not null,
    claimed_at        timestamp with time zone not null,
    primary key (change_request_id, notice)
);
