-- A reason the console gives itself is a stored message (a code with typed arguments, as JSON): what a refusal window
-- tried, by name and count, needs more room than a sentence did. Widening keeps every stored value, so the chain's
-- hashes stay as they were.
alter table audit_entry alter column reason set data type varchar(4000);
