-- Evidence names what was read: besides the time written and the text, the event's source and id, so that a
-- 6001 of MSExchangeNotesCal cannot be mistaken for another event carrying the same words.
alter table host_run add column evidence_source varchar(64);
alter table host_run add column evidence_event_id integer;
