package com.sciaticacheck.api;

import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.WarningSign;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description of the assessment API cannot drift from the question catalogue:
 * {@link AssessmentRequest} has one component per question (the safety questions as the
 * members of its {@code safetyCheck} record), named and typed as the catalogue says and
 * in its order, and the served description shows the catalogue's ranges, options and
 * required answers.
 */
@RunningAppTest
class AssessmentRequestSchemaTests {

	@LocalServerPort
	private int port;

	/** The questions asked at the top level of the body: all but the safety check. */
	private static List<Question<?>> topLevel() {
		return Question.ALL.stream().filter((question) -> question.section() != Question.Section.SAFETY).toList();
	}

	@Test
	void requestRecordHasAComponentPerQuestionInCatalogueOrder() {
		List<String> expected = new ArrayList<>(List.of(Question.SAFETY_CHECK_OBJECT));
		expected.addAll(names(topLevel()));
		assertThat(Arrays.stream(AssessmentRequest.class.getRecordComponents()).map(RecordComponent::getName))
			.as("components of AssessmentRequest against Question.ALL")
			.containsExactlyElementsOf(expected);
		assertThat(AssessmentRequest.class.getRecordComponents()[0].getType())
			.isEqualTo(AssessmentRequest.SafetyCheck.class);
		assertThat(
				Arrays.stream(AssessmentRequest.SafetyCheck.class.getRecordComponents()).map(RecordComponent::getName))
			.as("components of SafetyCheck against Question.SAFETY_CHECK")
			.containsExactlyElementsOf(Question.SAFETY_CHECK.stream().map(Question::pageName).toList());
		assertThat(Question.SAFETY_CHECK).allSatisfy((question) -> assertThat(question.name())
			.isEqualTo(Question.SAFETY_CHECK_OBJECT + "." + question.pageName()));
	}

	@Test
	void requestRecordComponentsHaveTheTypesOfTheirQuestions() {
		for (RecordComponent component : AssessmentRequest.SafetyCheck.class.getRecordComponents()) {
			assertThat(component.getGenericType()).as(component.getName()).isEqualTo(Boolean.class);
		}
		RecordComponent[] components = AssessmentRequest.class.getRecordComponents();
		List<Question<?>> questions = topLevel();
		assertThat(components).hasSize(questions.size() + 1);
		for (int i = 0; i < questions.size(); i++) {
			Question<?> question = questions.get(i);
			Type type = components[i + 1].getGenericType();
			switch (question.kind()) {
				case WHOLE_NUMBER -> assertThat(type).as(question.name()).isEqualTo(Integer.class);
				case NUMBER, DISTANCE -> assertThat(type).as(question.name()).isEqualTo(Double.class);
				case YES_NO -> assertThat(type).as(question.name()).isEqualTo(Boolean.class);
				case ONE_OF -> assertThat(optionNames(type)).as(question.name()).isEqualTo(question.options());
				case ANY_OF -> {
					assertThat(type).as(question.name()).isInstanceOf(ParameterizedType.class);
					ParameterizedType set = (ParameterizedType) type;
					assertThat(set.getRawType()).as(question.name()).isEqualTo(Set.class);
					// an enum may keep retired constants to read old results
					assertThat(optionNames(set.getActualTypeArguments()[0])).as(question.name())
						.containsAll(question.options());
				}
			}
		}
	}

	@Test
	void servedSchemaShowsTheCataloguesLimitsOptionsAndRequiredAnswers() throws Exception {
		JsonNode openApi = new ApiClient(this.port).description();
		assertThat(openApi.at("/paths/~1api~1v2~1assessments/post/requestBody/content/application~1json/schema/$ref")
			.asString()).isEqualTo("#/components/schemas/AssessmentRequest");
		JsonNode schema = openApi.at("/components/schemas/AssessmentRequest");
		List<String> expected = new ArrayList<>(List.of(Question.SAFETY_CHECK_OBJECT));
		expected.addAll(names(topLevel()));
		assertThat(schema.get("properties").propertyNames()).as("properties").containsExactlyElementsOf(expected);
		JsonNode safetyCheck = openApi
			.at(schema.at("/properties/" + Question.SAFETY_CHECK_OBJECT + "/$ref").asString().substring(1));
		assertThat(safetyCheck.get("properties").propertyNames()).as("safetyCheck")
			.containsExactlyElementsOf(Question.SAFETY_CHECK.stream().map(Question::pageName).toList());
		for (Question<?> question : Question.ALL) {
			JsonNode property = (question.section() == Question.Section.SAFETY)
					? safetyCheck.get("properties").get(question.pageName())
					: schema.get("properties").get(question.name());
			if (question.numeric()) {
				assertThat(property.get("type").asString()).as(question.name())
					.isEqualTo((question.kind() == Question.Kind.WHOLE_NUMBER) ? "integer" : "number");
				assertThat(decimal(property, "minimum")).as(question.name() + " minimum")
					.isEqualByComparingTo(question.min());
				assertThat(decimal(property, "maximum")).as(question.name() + " maximum")
					.isEqualByComparingTo(question.max());
			}
			else {
				assertThat(property.has("minimum") || property.has("maximum")).as(question.name()).isFalse();
			}
			if (question.kind() == Question.Kind.YES_NO) {
				assertThat(property.get("type").asString()).as(question.name()).isEqualTo("boolean");
			}
			if (question.kind() == Question.Kind.ONE_OF) {
				assertThat(strings(property.get("enum"))).as(question.name()).isEqualTo(question.options());
			}
			if (question.kind() == Question.Kind.ANY_OF) {
				assertThat(property.get("type").asString()).as(question.name()).isEqualTo("array");
				assertThat(strings(property.get("items").get("enum"))).as(question.name())
					.isEqualTo(question.options());
			}
		}
		List<String> required = new ArrayList<>(List.of(Question.SAFETY_CHECK_OBJECT));
		required.addAll(names(topLevel().stream()
			.filter((question) -> question.requirement() == Question.Requirement.ALWAYS)
			.toList()));
		assertThat(strings(schema.get("required"))).as("required").containsExactlyInAnyOrderElementsOf(required);
		assertThat(strings(safetyCheck.get("required"))).as("safetyCheck required")
			.containsExactlyInAnyOrderElementsOf(Question.SAFETY_CHECK.stream().map(Question::pageName).toList());
	}

	@Test
	void servedSchemaOffersNoRetiredWarningSign() {
		JsonNode openApi = new ApiClient(this.port).description();
		List<String> offered = strings(openApi
			.at("/components/schemas/AssessmentRequest/properties/" + Question.WARNING_SIGNS.name() + "/items/enum"));
		for (WarningSign sign : WarningSign.values()) {
			assertThat(offered.contains(sign.name())).as(sign.name()).isEqualTo(!sign.retired());
		}
	}

	private static List<String> names(List<Question<?>> questions) {
		return questions.stream().map(Question::name).toList();
	}

	private static BigDecimal decimal(JsonNode property, String name) {
		JsonNode value = property.get(name);
		return (value != null && value.isNumber()) ? value.decimalValue() : null;
	}

	private static List<String> optionNames(Type type) {
		assertThat(type).isInstanceOf(Class.class);
		Class<?> options = (Class<?>) type;
		assertThat(options.isEnum()).as(options.getName()).isTrue();
		return Arrays.stream(options.getEnumConstants()).map((option) -> ((Enum<?>) option).name()).toList();
	}

	private static List<String> strings(JsonNode array) {
		assertThat(array).isNotNull();
		assertThat(array.isArray()).as(array.toString()).isTrue();
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

}
