-- A previous port value of another type (e.g. a REG_SZ "45001") is kept with its data, so that a rollback can put
-- it back as it was: "REG_SZ:45001" next to "absent" and "dword:45001". The data is at most 4000 characters
-- (RegistryRead.WrongType.MAX_DATA) after the type's name.
alter table host_run alter column previous_exchange set data type varchar(4100);
alter table host_run alter column previous_notes set data type varchar(4100);

-- The Domino partner's agent (an agent address, the credential naming its token), through which EXCALCON is
-- reloaded instead of the runbook, and the LOAD EXCALCON debug flag per server (1, as in the procedure's example).
alter table exchange_server add column domino_agent_address varchar(255);
alter table exchange_server add column domino_credential_name varchar(64);
alter table exchange_server add constraint fk_exchange_server_domino_credential
    foreign key (domino_credential_name) references credential (name);
create index ix_exchange_server_domino_credential on exchange_server (domino_credential_name);
alter table exchange_server add column domino_debug_flag integer default 1 not null;
alter table exchange_server add constraint exchange_server_domino_debug_flag check (domino_debug_flag in (0, 1));
