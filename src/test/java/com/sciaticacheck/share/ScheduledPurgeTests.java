package com.sciaticacheck.share;

import java.time.Duration;

import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention runs by itself: the scheduled purge removes an expired link without being
 * called, within its configured interval, and leaves a live link alone.
 */
@SpringBootTest(properties = { "sciatica.share.purge-every=" + ScheduledPurgeTests.PURGE_EVERY,
		"spring.datasource.url=jdbc:h2:mem:scheduled-purge;DB_CLOSE_DELAY=-1" })
@Import(TestClockConfiguration.class)
class ScheduledPurgeTests {

	static final String PURGE_EVERY = "PT1S";

	/**
	 * The next run starts at most one interval after the last one ended; the rest is room
	 * for a busy machine. A purge that keeps the default five minutes, or never runs,
	 * fails here.
	 */
	private static final Duration IN_TIME = Duration.parse(PURGE_EVERY).multipliedBy(3);

	@Autowired
	private ShareService share;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	/**
	 * An account's links and a link made before accounts that nobody claimed: the purge
	 * takes each when its time is up.
	 */
	@Test
	void expiredLinksAreDeletedOnScheduleAndLiveOnesKept() {
		long account = ClinicAccounts.create(this.jdbc, "physio@clinic.example", "Clinic");
		ShareLink expiring = this.share.create(account, "Clinic", null, 7);
		ShareLink live = this.share.create(account, "Other clinic", null, 30);
		LinksBeforeAccounts.OldLink oldExpiring = LinksBeforeAccounts.insert(this.jdbc, "Old clinic", 7,
				this.clock.instant());
		LinksBeforeAccounts.OldLink oldLive = LinksBeforeAccounts.insert(this.jdbc, "Old clinic", 30,
				this.clock.instant());
		this.clock.advance(Duration.ofDays(7).plusSeconds(1));
		await("the purge every " + PURGE_EVERY + " to delete the expired links").atMost(IN_TIME)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> this.share.link(account, expiring.publicId()).isEmpty()
					&& this.share.findUnclaimed(oldExpiring.dashboardSecret()).isEmpty());
		// the purge that took the expired links has run, so the live ones survived it
		assertThat(this.share.link(account, live.publicId())).as("still within its days").isPresent();
		assertThat(this.share.findUnclaimed(oldLive.dashboardSecret())).as("still within its days").isPresent();
	}

}
