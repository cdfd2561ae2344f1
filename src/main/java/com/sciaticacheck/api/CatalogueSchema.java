package com.sciaticacheck.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Question;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Makes the OpenAPI description of {@link AssessmentRequest} say what the catalogue says,
 * so limits are written once, in {@link Question}: the ranges, the options an answer may
 * take now (an enum may keep retired constants to read old results: they are not
 * answers), and the required answers, the {@code safetyCheck} object and each of its
 * members included.
 */
@Component
class CatalogueSchema implements OpenApiCustomizer {

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Schema<?> request = schemas.get(AssessmentRequest.class.getSimpleName());
		Schema<?> safetyCheck = schemas.get(AssessmentRequest.SafetyCheck.class.getSimpleName());
		if (request == null || request.getProperties() == null || safetyCheck == null
				|| safetyCheck.getProperties() == null) {
			return;
		}
		List<String> required = new ArrayList<>(List.of(Question.SAFETY_CHECK_OBJECT));
		for (Question<?> question : Question.ALL) {
			boolean safety = question.section() == Question.Section.SAFETY;
			Schema<?> property = safety ? safetyCheck.getProperties().get(question.pageName())
					: request.getProperties().get(question.name());
			if (property == null) {
				continue;
			}
			describe(property, question);
			if (!safety && question.requirement() == Question.Requirement.ALWAYS) {
				required.add(question.name());
			}
		}
		request.setRequired(required);
		safetyCheck.setRequired(Question.SAFETY_CHECK.stream().map(Question::pageName).toList());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void describe(Schema property, Question<?> question) {
		if (question.min() != null) {
			property.setMinimum(question.min());
			property.setMaximum(question.max());
		}
		if (question.kind() == Question.Kind.ONE_OF) {
			property.setEnum(new ArrayList<>(question.options()));
		}
		if (question.kind() == Question.Kind.ANY_OF && property.getItems() != null) {
			property.getItems().setEnum(new ArrayList<>(question.options()));
		}
	}

}
