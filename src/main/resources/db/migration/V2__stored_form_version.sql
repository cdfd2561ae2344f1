-- Submissions record the version of the stored form of their answers and result (rows
-- before this are version 1), and a client who stopped at the safety questions has no
-- score or level: version 1 wrote made-up ones, removed here.
alter table submission add column stored_form_version int default 1 not null;
alter table submission alter column risk_level drop not null;
alter table submission alter column score drop not null;
update submission set risk_level = null, score = null where complete = false;
