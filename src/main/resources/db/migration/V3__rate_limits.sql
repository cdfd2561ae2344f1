-- Rate limits shared by every instance on this database: one row per bucket (what is
-- counted, e.g. links created from one address), a fixed window from the first hit.
-- The bucket is a SHA-256 hash of its name, so no client address is stored in clear;
-- rows outlive their window only until the next purge.
create table rate_limit (
    bucket char(64) primary key,
    window_start timestamp with time zone not null,
    hits int not null,
    expires_at timestamp with time zone not null
);

create index rate_limit_expires_at on rate_limit (expires_at);
