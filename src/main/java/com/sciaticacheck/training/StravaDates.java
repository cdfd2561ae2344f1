package com.sciaticacheck.training;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Activity Date" of Strava's {@code activities.csv}: a time in UTC, written
 * the way the runner's language writes dates ({@code Feb 4, 2023, 6:14:12 PM},
 * {@code 04.02.2023, 18:14:12}, {@code 4 févr. 2023, 18:14:12},
 * {@code 2023/02/04 18:14:12}, older exports {@code 2023-02-04 18:14:12}). Rather than
 * one pattern per language, it reads the parts any of them has: a time with colons (or
 * dots, as Danish and Finnish write it) and a morning or afternoon mark; before it a year
 * of four digits, a day, and a month as a number or as a name in one of the languages
 * Strava writes.
 *
 * <p>
 * A date it cannot be sure of is not guessed: {@code 02/04/2023} may be the 2nd of April
 * or the 4th of February, so it is read only where one of the two numbers is above 12.
 */
final class StravaDates {

	private static final Pattern COLON_TIME = Pattern.compile("(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?!\\d)");

	private static final Pattern DOTTED_TIME = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{2})\\.(\\d{2})(?![\\d.])");

	/** "PM", "p.m.", "p. m." right after the time. */
	private static final Pattern MERIDIEM = Pattern.compile("^\\s*([ap])\\.?\\s?m\\b\\.?", Pattern.CASE_INSENSITIVE);

	private static final Pattern PARTS = Pattern.compile("\\d+|\\p{L}+");

	private static final List<String> AFTERNOON = List.of("午後", "下午", "오후", "μ.μ.");

	private static final List<String> MORNING = List.of("午前", "上午", "오전", "π.μ.");

	/** The languages whose month names are read, where Strava writes them as words. */
	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN,
			Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"),
			Locale.forLanguageTag("ru"), Locale.forLanguageTag("pl"), Locale.forLanguageTag("sv"),
			Locale.forLanguageTag("da"), Locale.forLanguageTag("nb"), Locale.forLanguageTag("tr"),
			Locale.forLanguageTag("uk"), Locale.forLanguageTag("el"));

	/** Each month's names, full and short, in lower case without accents or dots. */
	private static final Map<String, Integer> MONTH_NAMES = monthNames();

	private StravaDates() {
	}

	/**
	 * The instant, or {@code null} where the text is not a date and time we can be sure
	 * of.
	 */
	static Instant parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
		MatchResult time = firstMatch(COLON_TIME.matcher(plain));
		if (time == null) {
			time = lastMatch(DOTTED_TIME.matcher(plain));
		}
		if (time == null) {
			return null;
		}
		LocalDate date = date(plain.substring(0, time.start()));
		if (date == null) {
			// Vietnamese writes the time first
			date = date(plain.substring(time.end()));
		}
		LocalTime clock = time(time, plain, plain.substring(time.end()));
		return (date != null && clock != null) ? date.atTime(clock).toInstant(ZoneOffset.UTC) : null;
	}

	private static MatchResult firstMatch(Matcher matcher) {
		return matcher.find() ? matcher.toMatchResult() : null;
	}

	/**
	 * The last: a time written with dots comes after the date, which may have dots too.
	 */
	private static MatchResult lastMatch(Matcher matcher) {
		MatchResult last = null;
		while (matcher.find()) {
			last = matcher.toMatchResult();
		}
		return last;
	}

	private static LocalTime time(MatchResult time, String whole, String after) {
		int hour = Integer.parseInt(time.group(1));
		int minute = Integer.parseInt(time.group(2));
		int second = (time.group(3) != null) ? Integer.parseInt(time.group(3)) : 0;
		Boolean afternoon = afternoon(whole, after);
		if (afternoon != null) {
			if (hour < 1 || hour > 12) {
				return null;
			}
			hour = (hour % 12) + (afternoon ? 12 : 0);
		}
		try {
			return LocalTime.of(hour, minute, second);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Whether the time is marked as after noon, before it, or not marked ({@code null}).
	 */
	private static Boolean afternoon(String whole, String afterTime) {
		Matcher meridiem = MERIDIEM.matcher(afterTime);
		if (meridiem.find()) {
			return Character.toLowerCase(meridiem.group(1).charAt(0)) == 'p';
		}
		if (AFTERNOON.stream().anyMatch(whole::contains)) {
			return true;
		}
		if (MORNING.stream().anyMatch(whole::contains)) {
			return false;
		}
		return null;
	}

	private static LocalDate date(String text) {
		String plain = plain(text);
		List<String> numbers = new ArrayList<>();
		Set<Integer> months = new HashSet<>();
		Matcher parts = PARTS.matcher(plain);
		while (parts.find()) {
			String part = parts.group();
			if (Character.isDigit(part.charAt(0))) {
				numbers.add(part);
			}
			else {
				Integer month = month(part);
				if (month != null) {
					months.add(month);
				}
			}
		}
		try {
			if (months.size() == 1 && numbers.size() == 2) {
				int month = months.iterator().next();
				if (numbers.get(0).length() == 4) {
					return LocalDate.of(Integer.parseInt(numbers.get(0)), month, Integer.parseInt(numbers.get(1)));
				}
				if (numbers.get(1).length() == 4) {
					return LocalDate.of(Integer.parseInt(numbers.get(1)), month, Integer.parseInt(numbers.get(0)));
				}
				return null;
			}
			if (months.isEmpty() && numbers.size() == 3) {
				return numericDate(plain, numbers);
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static LocalDate numericDate(String plain, List<String> numbers) {
		int first = Integer.parseInt(numbers.get(0));
		int second = Integer.parseInt(numbers.get(1));
		int third = Integer.parseInt(numbers.get(2));
		if (numbers.get(0).length() == 4) {
			return LocalDate.of(first, second, third);
		}
		if (numbers.get(2).length() != 4) {
			return null;
		}
		if (!plain.contains("/")) {
			// 04.02.2023, 4-2-2023: day first, as every language writing them so does
			return LocalDate.of(third, second, first);
		}
		if (first > 12) {
			return LocalDate.of(third, second, first);
		}
		if (second > 12) {
			return LocalDate.of(third, first, second);
		}
		return null;
	}

	/** The month a word names, where it names one in all the languages read. */
	private static Integer month(String word) {
		if (word.length() < 3) {
			// "de", "à", "um", "at" are no month's beginning; a short name must be whole
			Integer month = MONTH_NAMES.get(word);
			return (month != null && month > 0) ? month : null;
		}
		Integer found = null;
		for (Map.Entry<String, Integer> name : MONTH_NAMES.entrySet()) {
			if (name.getKey().startsWith(word)) {
				if (name.getValue() == 0 || (found != null && !found.equals(name.getValue()))) {
					return null;
				}
				found = name.getValue();
			}
		}
		return found;
	}

	private static String plain(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace(".", " ");
	}

	private static Map<String, Integer> monthNames() {
		Map<String, Integer> names = new HashMap<>();
		for (Locale language : LANGUAGES) {
			for (Month month : Month.values()) {
				for (TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE, TextStyle.SHORT,
						TextStyle.SHORT_STANDALONE)) {
					for (String name : plain(month.getDisplayName(style, language)).split(" ")) {
						if (!name.isBlank() && !Character.isDigit(name.charAt(0))) {
							// 0 marks a name two languages give to different months
							names.merge(name, month.getValue(), (one, other) -> one.equals(other) ? one : 0);
						}
					}
				}
			}
		}
		return Map.copyOf(names);
	}

}
