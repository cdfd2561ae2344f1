-- Submissions get a random public id for the physio's addresses, exports and the links
-- API: the numeric id counts across every clinic, so it told a physio how many answers
-- other clinics had received. New ids are 16 random bytes from SecureRandom in base 62
-- (22 letters and digits, also valid FHIR ids), set by the app. Rows from before get 22
-- characters of the same alphabet from random(), the one random function H2 and
-- PostgreSQL share: these ids are not secrets (they work only under a dashboard's secret
-- address), they need only be unique and not count, and the unique constraint stops the
-- migration if two ever collide.
alter table submission add column public_id char(22);
update submission set public_id =
    substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1)
    || substring('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', cast(floor(random() * 62) as int) + 1, 1);
alter table submission alter column public_id set not null;
alter table submission add constraint submission_public_id unique (public_id);
