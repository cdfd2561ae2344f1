package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts hits per bucket in a fixed window, in the database, so that every instance on
 * the one database shares each limit. A bucket names what is counted, such as
 * {@code "links-created:" + address}; it is stored only as a hash.
 *
 * <p>
 * Each check is one {@code MERGE} that H2 and PostgreSQL both run as written: it starts a
 * window, counts a hit, or changes nothing when the limit is reached, and its update
 * count says which. Both databases lock the row it updates and check the {@code WHEN}
 * conditions again on the row as the lock found it, so concurrent checks never count past
 * the limit. Two first hits on a new bucket may both try to insert it; the loser gets a
 * duplicate key and runs the statement again, which then finds the row.
 */
@Component
public class RateLimiter {

	private static final Log logger = LogFactory.getLog(RateLimiter.class);

	static final String ACQUIRE = """
			merge into rate_limit r
			using (values (cast(? as char(64)), cast(? as timestamp with time zone),
			               cast(? as timestamp with time zone))) as s (bucket, hit_at, window_end)
			on r.bucket = s.bucket
			when matched and r.expires_at <= s.hit_at then
			    update set window_start = s.hit_at, hits = 1, expires_at = s.window_end
			when matched and r.hits < ? then
			    update set hits = r.hits + 1
			when not matched then
			    insert (bucket, window_start, hits, expires_at) values (s.bucket, s.hit_at, 1, s.window_end)
			""";

	/** A lost race for a new bucket, or a lock wait that timed out, is tried again. */
	private static final int ATTEMPTS = 3;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	RateLimiter(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		// never part of the caller's transaction: the row lock is held for one statement
		// only, and a failed statement cannot spoil the caller's work on PostgreSQL
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether a hit was counted, and if not, how long until the window ends. */
	public record Decision(boolean granted, Duration retryAfter) {

		/** Whole seconds, rounded up, as the {@code Retry-After} header takes them. */
		public long retryAfterSeconds() {
			long seconds = this.retryAfter.getSeconds() + ((this.retryAfter.getNano() > 0) ? 1 : 0);
			return Math.max(1, seconds);
		}

	}

	/**
	 * Counts one hit in the bucket unless it already has {@code limit} in its current
	 * window, which begins at its first hit and lasts {@code window}.
	 */
	public Decision tryAcquire(String bucket, int limit, Duration window) {
		String key = hash(bucket);
		Instant now = now();
		OffsetDateTime hitAt = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime windowEnd = now.plus(window).atOffset(ZoneOffset.UTC);
		for (int attempt = 1;; attempt++) {
			try {
				Integer counted = this.ownTransaction
					.execute((status) -> this.jdbc.update(ACQUIRE, key, hitAt, windowEnd, limit));
				if (counted != null && counted > 0) {
					return new Decision(true, Duration.ZERO);
				}
				return new Decision(false, retryAfter(key, now, window));
			}
			catch (DuplicateKeyException | TransientDataAccessException ex) {
				if (attempt == ATTEMPTS) {
					// never a 500 in the middle of a share, possibly an emergency: a
					// limit
					// that cannot be counted now lets this one request through
					logger.warn(
							"Rate limit not counted after " + ATTEMPTS + " attempts: " + ex.getClass().getSimpleName());
					return new Decision(true, Duration.ZERO);
				}
			}
		}
	}

	/** Deletes the rows whose window has ended; any number of instances may run it. */
	public int purgeExpired() {
		return this.jdbc.update("delete from rate_limit where expires_at <= ?", now().atOffset(ZoneOffset.UTC));
	}

	/**
	 * In whole milliseconds, which both databases store exactly (they round nanoseconds,
	 * which would move a window's end by a fraction of a microsecond).
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** Read only when refused: the common path stays one statement. */
	private Duration retryAfter(String key, Instant now, Duration window) {
		List<OffsetDateTime> ends = this.jdbc.queryForList("select expires_at from rate_limit where bucket = ?",
				OffsetDateTime.class, key);
		if (ends.isEmpty()) {
			return Duration.ofSeconds(1);
		}
		Duration left = Duration.between(now, ends.get(0).toInstant());
		return left.isNegative() ? Duration.ZERO : (left.compareTo(window) > 0 ? window : left);
	}

	private static String hash(String bucket) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
