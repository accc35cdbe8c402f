-- A previous port value of another type (e.g. a REG_SZ "45001") is kept with its data, so that a rollback can put
-- it back as it was: "REG_SZ:45001" next to "absent" and "dword:45001". The data is at most 4000 characters
-- (RegistryRead.WrongType.MAX_DATA) after the type's name.
alter table host_run alter column previous_exchange set data type varchar(4100);
alter table host_run alter column previous_notes set data type varchar(4100);
