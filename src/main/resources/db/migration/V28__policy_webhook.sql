-- The policy's outgoing webhook: where change and drift notices are POSTed, and the shared secret that signs them,
-- sealed by the credential vault (AES-GCM, key outside the database) like host credentials. One row per policy.
create table policy_webhook (
    policy_id     integer       not null primary key,
    url           varchar(2000) not null,
    secret_key_id varchar(32)   not null,
    secret_nonce  varchar(32)   not null,
    secret_value  varchar(2000) not null,
    changed_at    timestamp     not null,
    changed_by    varchar(100)  not null,
    constraint fk_policy_webhook_policy foreign key (policy_id) references port_policy (id)
);
