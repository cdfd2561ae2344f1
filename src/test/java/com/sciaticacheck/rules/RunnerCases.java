package com.sciaticacheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads {@code rules/risk-cases.csv}, the table of runners and what they should get. */
final class RunnerCases {

	record RunnerCase(String scenario, Answers answers, int score, RiskLevel level, Referral referral,
			List<String> ruleIds) {

		@Override
		public String toString() {
			return this.scenario;
		}

	}

	private RunnerCases() {
	}

	static List<RunnerCase> all() {
		try (InputStream in = RunnerCases.class.getResourceAsStream("/rules/risk-cases.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("scenario,"))
				.map(RunnerCases::parse)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RunnerCase parse(String line) {
		String[] c = line.split(",", -1);
		if (c.length != 24) {
			throw new IllegalArgumentException("Expected 24 columns in: " + line);
		}
		Answers answers = new Answers(Integer.parseInt(c[1]), orNull(c[2], Integer::valueOf),
				orNull(c[3], Double::valueOf), Boolean.parseBoolean(c[4]), Double.parseDouble(c[5]),
				Double.parseDouble(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[8]), Surface.valueOf(c[9]),
				Footwear.valueOf(c[10]), Integer.parseInt(c[11]), SideDifference.valueOf(c[12]),
				FormConcern.valueOf(c[13]), set(c[14], Condition.class), Pain.valueOf(c[15]),
				orNull(c[16], Integer::valueOf), orNull(c[17], Integer::valueOf), set(c[18], Symptom.class),
				set(c[19], WarningSign.class));
		return new RunnerCase(c[0], answers, Integer.parseInt(c[20]), RiskLevel.valueOf(c[21]), Referral.valueOf(c[22]),
				c[23].equals("-") ? List.of() : List.of(c[23].split(" ")));
	}

	private static <T> T orNull(String value, Function<String, T> parse) {
		return value.equals("-") ? null : parse.apply(value);
	}

	private static <E extends Enum<E>> Set<E> set(String value, Class<E> type) {
		Set<E> set = EnumSet.noneOf(type);
		if (!value.equals("-")) {
			Arrays.stream(value.split(" ")).map((name) -> Enum.valueOf(type, name)).forEach(set::add);
		}
		return set;
	}

}
