package com.sciaticacheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One assessment by the rules service on the shipped rule table: a typical runner (a few
 * findings) and a worst case (every rule fires, every warning sign). Target: under 5 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulesBenchmark {

	private RulesService rules;

	private Answers typical;

	private Answers worstCase;

	@Setup
	public void setUp() throws IOException {
		try (InputStream in = RulesBenchmark.class.getResourceAsStream("/rules/risk-rules.md")) {
			this.rules = new RulesService(
					RuleTableParser.parse("risk-rules.md", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		this.typical = new Answers(38, 178, 74.0, false, 34, 30, 15, 12, Surface.SOME, Footwear.GOOD, 0,
				SideDifference.SLIGHT, FormConcern.UNSURE, EnumSet.of(Condition.PREVIOUS_BACK_PAIN), Pain.ONE_LEG, 6, 4,
				EnumSet.of(Symptom.WORSE_WHEN_RUNNING), EnumSet.noneOf(WarningSign.class));
		this.worstCase = new Answers(60, 170, 95.0, true, 60, 0, 30, 0, Surface.MOST, Footwear.NOT_RUNNING_SHOES, 0,
				SideDifference.CLEAR, FormConcern.YES, EnumSet.allOf(Condition.class), Pain.BOTH_LEGS, 12, 9,
				EnumSet.allOf(Symptom.class), EnumSet.allOf(WarningSign.class));
	}

	@Benchmark
	public Assessment typicalRunner() {
		return this.rules.assess(this.typical);
	}

	@Benchmark
	public Assessment worstCaseRunner() {
		return this.rules.assess(this.worstCase);
	}

}
