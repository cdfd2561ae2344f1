package com.sciaticacheck.api;

import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.RunnerFixture;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Bodies for the assessment API that {@link RunnerFixture} cannot express: a value of the
 * wrong type, JSON no Java number holds, an unknown field. Each is the fixture's body
 * with a fragment merged in under the question's catalogue name, so no test spells out a
 * name.
 */
final class ApiBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiBodies() {
	}

	/** A runner who answered nothing, to build sparse bodies from. */
	static RunnerFixture unanswered() {
		RunnerFixture runner = RunnerFixture.calm();
		for (Question<?> question : Question.ALL) {
			runner = runner.without(question);
		}
		return runner;
	}

	/** The runner's body as a tree, to put fields of any type into. */
	static ObjectNode object(RunnerFixture runner) {
		return (ObjectNode) JSON.readTree(runner.json());
	}

	/**
	 * The runner's body with one answer replaced by JSON sent exactly as written, such as
	 * {@code 1e999}, which a tree would turn into a string or a double.
	 */
	static String withRaw(RunnerFixture runner, Question<?> question, String json) {
		ObjectNode body = object(runner);
		body.putRawValue(question.name(), new RawValue(json));
		return body.toString();
	}

}
