package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Bursts: many answers on one link in a short time ({@code sciatica.share.burst-size}
 * within {@code burst-window}, 20 in 10 minutes by default), such as a QR code posted
 * where strangers fill it in, or a script. The dashboard flags each, and the physio can
 * remove one in a single step instead of one answer at a time.
 */
@Component
class Bursts {

	/** Answers that came close together on one link, from the first to the last. */
	record Burst(ShareLink link, Instant from, Instant to, int count) {

		/** When the first came, in UTC, for pages. */
		public LocalDateTime fromUtc() {
			return LocalDateTime.ofInstant(this.from, ZoneOffset.UTC);
		}

		/** When the last came, in UTC, for pages. */
		public LocalDateTime toUtc() {
			return LocalDateTime.ofInstant(this.to, ZoneOffset.UTC);
		}

	}

	private final ShareService share;

	private final int size;

	private final Duration window;

	Bursts(ShareService share, ShareSettings settings) {
		this.share = share;
		this.size = settings.burstSize();
		this.window = settings.burstWindow();
	}

	/** The bursts on the account's links, newest link first. */
	List<Burst> of(List<ShareLink> links) {
		List<Burst> bursts = new ArrayList<>();
		for (ShareLink link : links) {
			bursts.addAll(find(link, this.share.submittedTimes(link)));
		}
		return bursts;
	}

	/**
	 * Every run of answers in which some {@code size} came within {@code window}; runs
	 * that overlap are one burst, so each answer is in one burst at most.
	 */
	List<Burst> find(ShareLink link, List<Instant> oldestFirst) {
		List<Burst> bursts = new ArrayList<>();
		int start = 0;
		int burstFirst = -1;
		int burstLast = -1;
		for (int end = 0; end < oldestFirst.size(); end++) {
			while (Duration.between(oldestFirst.get(start), oldestFirst.get(end)).compareTo(this.window) > 0) {
				start++;
			}
			if (end - start + 1 >= this.size) {
				if (burstLast >= start) {
					burstLast = end;
				}
				else {
					addIfAny(bursts, link, oldestFirst, burstFirst, burstLast);
					burstFirst = start;
					burstLast = end;
				}
			}
		}
		addIfAny(bursts, link, oldestFirst, burstFirst, burstLast);
		return bursts;
	}

	private static void addIfAny(List<Burst> bursts, ShareLink link, List<Instant> times, int first, int last) {
		if (first >= 0) {
			bursts.add(new Burst(link, times.get(first), times.get(last), last - first + 1));
		}
	}

}
