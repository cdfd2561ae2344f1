package com.sciaticacheck.share;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A client's timeline as an SVG chart drawn on the server: the risk-factor score and the
 * two pain scores as separate lines over time, each check's tier as a marker, and a band
 * behind each check where a pain score has moved 2 points or more since the first check
 * (a change usually taken as meaningful on a 0-10 rating scale). No script draws it and
 * no outside library; it is styled by classes only, so the page's CSP holds, and it
 * carries its own title and a description of the trend in words for those who cannot see
 * it. The table beside it is the accessible alternative with every figure.
 */
final class TimelineChart {

	static final int WIDTH = 640;

	static final int HEIGHT = 300;

	private static final int LEFT = 48;

	private static final int RIGHT = 48;

	private static final int TOP = 16;

	private static final int BOTTOM = 40;

	/**
	 * A pain score's change since the first check that is usually taken as meaningful.
	 */
	static final int MEANINGFUL_PAIN_CHANGE = 2;

	private final MessageSource messages;

	private final Locale locale;

	TimelineChart(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** The chart of these checks, oldest first, as an SVG element. */
	String svg(List<TimelinePoint> checks) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-chart\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\">");
		svg.append("<title id=\"timeline-title\">").append(escape(text("timeline.chart.title"))).append("</title>");
		svg.append("<desc id=\"timeline-desc\">")
			.append(escape(TimelineTrend.describe(checks, (key, arguments) -> text(key, arguments))))
			.append("</desc>");
		if (checks.isEmpty()) {
			return svg.append("</svg>").toString();
		}
		LocalDate first = checks.get(0).date();
		long days = Math.max(1, ChronoUnit.DAYS.between(first, checks.get(checks.size() - 1).date()));
		Function<TimelinePoint, Double> x = (check) -> (checks.size() == 1) ? LEFT + plotWidth() / 2.0
				: LEFT + plotWidth() * ChronoUnit.DAYS.between(first, check.date()) / (double) days;
		bands(svg, checks, x);
		axes(svg);
		line(svg, checks, x, TimelinePoint::score, 100, "timeline-score");
		line(svg, checks, x, TimelinePoint::legPain, 10, "timeline-leg");
		line(svg, checks, x, TimelinePoint::backPain, 10, "timeline-back");
		// two checks of one day share a place: the more urgent tier is drawn last, on
		// top,
		// so a less urgent one can never hide it
		List<TimelinePoint> markers = checks.stream()
			.sorted(Comparator.comparing(TimelinePoint::date).thenComparing(TimelinePoint::tier))
			.toList();
		for (TimelinePoint check : markers) {
			svg.append("<circle class=\"timeline-tier tier-")
				.append(check.tier().name())
				.append("\" cx=\"")
				.append(round(x.apply(check)))
				.append("\" cy=\"")
				.append(HEIGHT - BOTTOM + 14)
				.append("\" r=\"6\"><title>")
				.append(escape(check.date() + ": " + text("timeline.tier." + check.tier().name())))
				.append("</title></circle>");
			svg.append("<text class=\"timeline-label\" x=\"")
				.append(round(x.apply(check)))
				.append("\" y=\"")
				.append(HEIGHT - 4)
				.append("\" text-anchor=\"middle\">")
				.append(escape(check.date().toString().substring(5)))
				.append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	/** Behind each check where a pain score is 2 or more away from the first check's. */
	private static void bands(StringBuilder svg, List<TimelinePoint> checks, Function<TimelinePoint, Double> x) {
		TimelinePoint first = checks.get(0);
		for (int i = 1; i < checks.size(); i++) {
			TimelinePoint check = checks.get(i);
			if (!meaningful(first.legPain(), check.legPain()) && !meaningful(first.backPain(), check.backPain())) {
				continue;
			}
			double from = (x.apply(checks.get(i - 1)) + x.apply(check)) / 2;
			double to = (i + 1 < checks.size()) ? (x.apply(check) + x.apply(checks.get(i + 1))) / 2
					: LEFT + plotWidth();
			svg.append("<rect class=\"timeline-band\" x=\"")
				.append(round(from))
				.append("\" y=\"")
				.append(TOP)
				.append("\" width=\"")
				.append(round(to - from))
				.append("\" height=\"")
				.append(plotHeight())
				.append("\"/>");
		}
	}

	static boolean meaningful(Integer first, Integer now) {
		return first != null && now != null && Math.abs(now - first) >= MEANINGFUL_PAIN_CHANGE;
	}

	/** The score's scale on the left (0-100), the pain scores' on the right (0-10). */
	private void axes(StringBuilder svg) {
		for (int step = 0; step <= 10; step += 5) {
			double y = y(step, 10);
			svg.append("<line class=\"timeline-grid\" x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(LEFT + plotWidth())
				.append("\" y1=\"")
				.append(round(y))
				.append("\" y2=\"")
				.append(round(y))
				.append("\"/>");
			svg.append("<text class=\"timeline-label\" x=\"")
				.append(LEFT - 6)
				.append("\" y=\"")
				.append(round(y + 4))
				.append("\" text-anchor=\"end\">")
				.append(step * 10)
				.append("</text>");
			svg.append("<text class=\"timeline-label\" x=\"")
				.append(LEFT + plotWidth() + 6)
				.append("\" y=\"")
				.append(round(y + 4))
				.append("\">")
				.append(step)
				.append("</text>");
		}
	}

	/** One measure's line through the checks that have it, and a dot at each. */
	private static void line(StringBuilder svg, List<TimelinePoint> checks, Function<TimelinePoint, Double> x,
			Function<TimelinePoint, Integer> measure, int max, String css) {
		List<String> points = new ArrayList<>();
		for (TimelinePoint check : checks) {
			Integer value = measure.apply(check);
			if (value != null) {
				points.add(round(x.apply(check)) + "," + round(y(value, max)));
			}
		}
		if (points.isEmpty()) {
			return;
		}
		svg.append("<polyline class=\"timeline-line ")
			.append(css)
			.append("\" points=\"")
			.append(String.join(" ", points))
			.append("\"/>");
		for (String point : points) {
			String[] xy = point.split(",");
			svg.append("<circle class=\"timeline-dot ")
				.append(css)
				.append("\" cx=\"")
				.append(xy[0])
				.append("\" cy=\"")
				.append(xy[1])
				.append("\" r=\"3.5\"/>");
		}
	}

	private static double y(int value, int max) {
		return TOP + plotHeight() * (1 - value / (double) max);
	}

	private static int plotWidth() {
		return WIDTH - LEFT - RIGHT;
	}

	private static int plotHeight() {
		return HEIGHT - TOP - BOTTOM;
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
