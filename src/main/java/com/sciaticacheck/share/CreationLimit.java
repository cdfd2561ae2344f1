package com.sciaticacheck.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Limits how many links one client address creates in an hour (a sliding window, kept in
 * memory: each app instance counts on its own, so behind a load balancer the limit is per
 * instance). Addresses are forgotten once their window is empty.
 */
@Component
class CreationLimit {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int perHour;

	CreationLimit(Clock clock, ShareSettings settings) {
		this.clock = clock;
		this.perHour = settings.linksPerHour();
	}

	int perHour() {
		return this.perHour;
	}

	/**
	 * Counts one creation for the address, or returns false when it is over the limit.
	 */
	boolean tryAcquire(String address) {
		Instant now = this.clock.instant();
		boolean[] allowed = new boolean[1];
		this.recent.compute(address, (key, times) -> {
			Deque<Instant> window = (times != null) ? times : new ArrayDeque<>();
			while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
				window.pollFirst();
			}
			allowed[0] = window.size() < this.perHour;
			if (allowed[0]) {
				window.addLast(now);
			}
			return window.isEmpty() ? null : window;
		});
		return allowed[0];
	}

}
