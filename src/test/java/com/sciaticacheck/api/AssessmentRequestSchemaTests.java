package com.sciaticacheck.api;

import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Question;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description of the assessment API cannot drift from the question catalogue:
 * {@link AssessmentRequest} has one component per question, named and typed as the
 * catalogue says and in its order, and the served description shows the catalogue's
 * ranges and required answers.
 */
@RunningAppTest
class AssessmentRequestSchemaTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void requestRecordHasAComponentPerQuestionInCatalogueOrder() {
		assertThat(Arrays.stream(AssessmentRequest.class.getRecordComponents()).map(RecordComponent::getName))
			.as("components of AssessmentRequest against Question.ALL")
			.containsExactlyElementsOf(names(Question.ALL));
	}

	@Test
	void requestRecordComponentsHaveTheTypesOfTheirQuestions() {
		RecordComponent[] components = AssessmentRequest.class.getRecordComponents();
		assertThat(components).hasSameSizeAs(Question.ALL);
		for (int i = 0; i < components.length; i++) {
			Question<?> question = Question.ALL.get(i);
			Type type = components[i].getGenericType();
			switch (question.kind()) {
				case WHOLE_NUMBER -> assertThat(type).as(question.name()).isEqualTo(Integer.class);
				case NUMBER, DISTANCE -> assertThat(type).as(question.name()).isEqualTo(Double.class);
				case YES_NO -> assertThat(type).as(question.name()).isEqualTo(Boolean.class);
				case ONE_OF -> assertThat(optionNames(type)).as(question.name()).isEqualTo(question.options());
				case ANY_OF -> {
					assertThat(type).as(question.name()).isInstanceOf(ParameterizedType.class);
					ParameterizedType set = (ParameterizedType) type;
					assertThat(set.getRawType()).as(question.name()).isEqualTo(Set.class);
					assertThat(optionNames(set.getActualTypeArguments()[0])).as(question.name())
						.isEqualTo(question.options());
				}
			}
		}
	}

	@Test
	void servedSchemaShowsTheCataloguesLimitsAndRequiredAnswers() throws Exception {
		JsonNode openApi = this.json.readTree(get("/v3/api-docs"));
		assertThat(openApi.at("/paths/~1api~1v1~1assessments/post/requestBody/content/application~1json/schema/$ref")
			.asString()).isEqualTo("#/components/schemas/AssessmentRequest");
		JsonNode schema = openApi.at("/components/schemas/AssessmentRequest");
		assertThat(schema.get("properties").propertyNames()).as("properties")
			.containsExactlyElementsOf(names(Question.ALL));
		for (Question<?> question : Question.ALL) {
			JsonNode property = schema.get("properties").get(question.name());
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
			if (question.kind() == Question.Kind.ONE_OF) {
				assertThat(strings(property.get("enum"))).as(question.name()).isEqualTo(question.options());
			}
			if (question.kind() == Question.Kind.ANY_OF) {
				assertThat(property.get("type").asString()).as(question.name()).isEqualTo("array");
				assertThat(strings(property.get("items").get("enum"))).as(question.name())
					.isEqualTo(question.options());
			}
		}
		assertThat(strings(schema.get("required"))).as("required")
			.containsExactlyInAnyOrderElementsOf(names(Question.ALL.stream()
				.filter((question) -> question.requirement() == Question.Requirement.ALWAYS)
				.toList()));
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
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
					BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
