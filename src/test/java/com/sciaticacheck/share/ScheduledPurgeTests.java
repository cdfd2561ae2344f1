package com.sciaticacheck.share;

import java.time.Duration;

import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention runs by itself: the scheduled purge removes an expired link without being
 * called.
 */
@SpringBootTest(properties = { "sciatica.share.purge-every=PT0.2S",
		"spring.datasource.url=jdbc:h2:mem:scheduled-purge;DB_CLOSE_DELAY=-1" })
@Import(TestClockConfiguration.class)
class ScheduledPurgeTests {

	@Autowired
	private ShareService share;

	@Autowired
	private MutableClock clock;

	@Test
	void expiredLinksAreDeletedOnSchedule() throws InterruptedException {
		ShareService.CreatedLink created = this.share.create("Clinic", null, 7);
		Thread.sleep(600);
		assertThat(this.share.findForDashboard(created.dashboardSecret())).as("still within its days").isPresent();
		this.clock.advance(Duration.ofDays(7).plusSeconds(1));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.share.findForDashboard(created.dashboardSecret()).isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.share.findForDashboard(created.dashboardSecret())).isEmpty();
	}

}
