-- Alerts to physios: an email when a client shares a result that says to get help now or
-- today, at most one per account per 15 minutes, and an optional daily summary. No table
-- here holds health data: only which submission was alerted and how many are waiting.

-- What each account chose on its account page: alerts on, daily summary off by default.
alter table account add column urgent_alerts boolean default true not null;
alter table account add column daily_summary boolean default false not null;

-- One row per urgent submission whose alert was handled (mailed, or counted into the next
-- mail): the key that makes an alert delivered twice (a retry, two instances) count once.
-- It goes with its submission.
create table urgent_alert (
    submission_id bigint not null primary key references submission (id) on delete cascade,
    handled_at timestamp with time zone not null
);

-- Per account: when the last alert mail went, and how many urgent results came since
-- that the next mail must count. A mail is claimed by a conditional update of this row.
create table alert_window (
    account_id bigint not null primary key references account (id) on delete cascade,
    last_sent_at timestamp with time zone,
    pending int not null
);

-- One row per account and day whose summary was handled: sent once, by whichever
-- instance inserts it first.
create table daily_summary (
    account_id bigint not null references account (id) on delete cascade,
    summary_day date not null,
    handled_at timestamp with time zone not null,
    constraint daily_summary_pk primary key (account_id, summary_day)
);

-- Spring Modulith's event publication registry (JDBC, schema version 2, as in its
-- schemas/v2/schema-h2.sql and schema-postgresql.sql of spring-modulith-events-jdbc 2.0.3):
-- an alert's event is stored in the transaction that stores the submission, and stays
-- incomplete until the alert is handled, so it is retried after a mail outage or a
-- restart. The same columns and types for both databases: PostgreSQL's schema has text
-- where H2's has varchar(512) and varchar(4000), the same type there. Its hash index on
-- serialized_event is H2's (listener_id, serialized_event) index here, which serves the
-- registry's look-ups on both; the events stored are a few ids, far below any index limit.
create table event_publication (
    id uuid not null,
    completion_date timestamp with time zone,
    event_type varchar(512) not null,
    listener_id varchar(512) not null,
    publication_date timestamp with time zone not null,
    serialized_event varchar(4000) not null,
    status varchar(20),
    completion_attempts int,
    last_resubmission_date timestamp with time zone,
    constraint event_publication_pk primary key (id)
);

create index event_publication_by_listener_id_and_serialized_event_idx
    on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
