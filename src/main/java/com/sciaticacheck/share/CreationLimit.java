package com.sciaticacheck.share;

import java.time.Duration;

import com.sciaticacheck.system.ClientAddress;
import com.sciaticacheck.system.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Limits how many links one client address (an IPv6 /64) creates in an hour, counted in
 * the database so that the limit holds across every instance.
 */
@Component
class CreationLimit {

	static final Duration WINDOW = Duration.ofHours(1);

	private final RateLimiter limiter;

	private final int perHour;

	CreationLimit(RateLimiter limiter, ShareSettings settings) {
		this.limiter = limiter;
		this.perHour = settings.linksPerHour();
	}

	int perHour() {
		return this.perHour;
	}

	/** Counts one creation for the address, unless it is over the limit. */
	RateLimiter.Decision tryAcquire(String remoteAddress) {
		return this.limiter.tryAcquire("links-created:" + ClientAddress.key(remoteAddress), this.perHour, WINDOW);
	}

}
