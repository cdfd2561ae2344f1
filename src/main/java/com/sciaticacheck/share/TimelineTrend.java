package com.sciaticacheck.share;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A client's trend in words, from their first check to their last: "Leg pain down from 7
 * to 3 over 6 weeks; risk-factor score unchanged at 34." It is the chart's description
 * for those who cannot see it, and the line a physio reads first.
 */
final class TimelineTrend {

	private TimelineTrend() {
	}

	/**
	 * @param checks the checks, oldest first
	 * @param text a message by key and arguments
	 */
	static String describe(List<TimelinePoint> checks, BiFunction<String, Object[], String> text) {
		if (checks.isEmpty()) {
			return text.apply("timeline.trend.none", new Object[0]);
		}
		TimelinePoint first = checks.get(0);
		TimelinePoint last = checks.get(checks.size() - 1);
		if (checks.size() == 1) {
			return text.apply("timeline.trend.one", new Object[] { first.date().toString() });
		}
		String period = period(ChronoUnit.DAYS.between(first.date(), last.date()), text);
		List<String> parts = new ArrayList<>();
		change(parts, "timeline.measure.leg", first, last, TimelinePoint::legPain, period, text);
		change(parts, "timeline.measure.back", first, last, TimelinePoint::backPain, period, text);
		change(parts, "timeline.measure.score", first, last, TimelinePoint::score, period, text);
		if (parts.isEmpty()) {
			return text.apply("timeline.trend.nothingToCompare", new Object[] { checks.size(), period });
		}
		String sentence = String.join("; ", parts) + ".";
		return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

	private static void change(List<String> parts, String measureKey, TimelinePoint first, TimelinePoint last,
			Function<TimelinePoint, Integer> measure, String period, BiFunction<String, Object[], String> text) {
		Integer from = measure.apply(first);
		Integer to = measure.apply(last);
		if (from == null || to == null) {
			return;
		}
		String name = text.apply(measureKey, new Object[0]);
		if (from.equals(to)) {
			parts.add(text.apply("timeline.trend.same", new Object[] { name, to }));
		}
		else {
			parts.add(text.apply((to < from) ? "timeline.trend.down" : "timeline.trend.up",
					new Object[] { name, from, to, period }));
		}
	}

	/** Weeks once there are two or more of them, days before that. */
	private static String period(long days, BiFunction<String, Object[], String> text) {
		if (days >= 14) {
			return text.apply("timeline.period.weeks", new Object[] { Math.round(days / 7.0) });
		}
		return text.apply((days == 1) ? "timeline.period.day" : "timeline.period.days", new Object[] { days });
	}

}
