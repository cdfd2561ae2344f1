package com.sciaticacheck.share;

import java.time.Duration;

import com.sciaticacheck.system.ClientAddress;
import com.sciaticacheck.system.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Limits the results clients share: per link, since a client link is printed as a QR code
 * and is as good as public, and per client address (an IPv6 /64) across links. Counted in
 * the database, so every instance shares them.
 */
@Component
class SubmissionLimit {

	static final Duration WINDOW = Duration.ofHours(1);

	private final RateLimiter limiter;

	private final ShareSettings settings;

	SubmissionLimit(RateLimiter limiter, ShareSettings settings) {
		this.limiter = limiter;
		this.settings = settings;
	}

	/**
	 * Counts one submission for the address, then for the link. The address comes first:
	 * a sender over their own limit must not use up the link's, which would let one
	 * address shut a link for everyone else.
	 */
	RateLimiter.Decision tryAcquire(ShareLink link, String remoteAddress) {
		RateLimiter.Decision byAddress = this.limiter.tryAcquire("submissions-from:" + ClientAddress.key(remoteAddress),
				this.settings.submissionsPerAddressPerHour(), WINDOW);
		if (!byAddress.granted()) {
			return byAddress;
		}
		return this.limiter.tryAcquire("submissions-to:" + link.id(), this.settings.submissionsPerLinkPerHour(),
				WINDOW);
	}

}
