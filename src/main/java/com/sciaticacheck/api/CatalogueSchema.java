package com.sciaticacheck.api;

import java.util.Map;

import com.sciaticacheck.rules.Question;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Adds the catalogue's limits to the OpenAPI description of {@link AssessmentRequest}:
 * the ranges and the always-required fields, so they are written once, in
 * {@link Question}.
 */
@Component
class CatalogueSchema implements OpenApiCustomizer {

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Schema<?> request = openApi.getComponents().getSchemas().get(AssessmentRequest.class.getSimpleName());
		if (request == null || request.getProperties() == null) {
			return;
		}
		Map<String, Schema> properties = request.getProperties();
		for (Question<?> question : Question.ALL) {
			Schema<?> property = properties.get(question.name());
			if (property != null && question.min() != null) {
				property.setMinimum(question.min());
				property.setMaximum(question.max());
			}
		}
		request.setRequired(Question.ALL.stream()
			.filter((question) -> question.requirement() == Question.Requirement.ALWAYS)
			.map(Question::name)
			.toList());
	}

}
