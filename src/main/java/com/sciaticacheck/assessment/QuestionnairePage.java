package com.sciaticacheck.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sciaticacheck.rules.Asking;
import com.sciaticacheck.rules.Question;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The check's pages as the catalogue and the messages define them: sections, fields,
 * labels, hints and options, worked out once per language and page (a follow-up's asks
 * one question more). Per request only the answers and their problems change, so a page
 * renders from plain values instead of resolving the same keys and limits again for every
 * runner.
 */
@Component
class QuestionnairePage {

	/**
	 * One option of a question with options.
	 *
	 * @param hint what rules out a misreading of this option, or null
	 * @param hintId the id of the hint, never the same as its field's hint
	 */
	record Option(String id, String value, String label, String hint, String hintId) {
	}

	/**
	 * One field of a form: the first input carries the field's name as its id, for the
	 * error summary's link.
	 *
	 * @param type {@code text}, {@code radio} or {@code checkbox}
	 * @param inputMode for text: {@code numeric} or {@code decimal}
	 * @param suffix the unit shown after a text input, or null
	 * @param inline whether the options stand side by side (yes and no)
	 */
	record Field(String name, String type, String label, String hint, String inputMode, String suffix,
			List<Option> options, boolean inline) {

		public String hintId() {
			return this.name + "-hint";
		}

		public String errorId() {
			return this.name + "-error";
		}

		public boolean text() {
			return this.type.equals("text");
		}

	}

	/** A section of the questionnaire with its heading. */
	record Section(String id, String heading, List<Field> fields) {
	}

	/**
	 * The pages of one language, with the fields of a blank questionnaire and a blank
	 * safety step already rendered: they are the same for every runner, and the
	 * questionnaire's hundreds of inputs are most of a page's work.
	 */
	record Pages(List<Section> questionnaire, List<Field> safety, String blankQuestionnaire, String blankSafety) {
	}

	private static final String BLANK_FIELDS = "assessment/blank-fields";

	private final MessageSource messages;

	private final ObjectProvider<ITemplateEngine> templates;

	/** The pages of one language, as one kind of check asks them. */
	private record Key(Locale locale, Asking asking) {
	}

	private final Map<Key, Pages> built = new ConcurrentHashMap<>();

	QuestionnairePage(MessageSource messages, ObjectProvider<ITemplateEngine> templates) {
		this.messages = messages;
		this.templates = templates;
	}

	/**
	 * @param asking the kind of check: the page of a first check, or of a follow-up
	 */
	Pages in(Locale locale, Asking asking) {
		return this.built.computeIfAbsent(new Key(locale, asking), this::build);
	}

	private Pages build(Key key) {
		Locale locale = key.locale();
		List<Section> sections = sections(locale, key.asking());
		List<Field> safety = SafetyForm.FIELDS.stream()
			.map((field) -> choices(field, "radio", "safety", List.of("true", "false"), "answer.yesNo", locale))
			.toList();
		return new Pages(sections, safety,
				render(locale, Map.of("sections", sections, "form", QuestionnaireForm.blank(key.asking()))),
				render(locale, Map.of("safety", safety, "form", SafetyForm.blank())));
	}

	/** Renders blank fields through the same fragments as any other form. */
	private String render(Locale locale, Map<String, Object> variables) {
		return this.templates.getObject().process(BLANK_FIELDS, new Context(locale, variables));
	}

	private List<Section> sections(Locale locale, Asking asking) {
		List<Section> sections = new ArrayList<>();
		for (Question.Section section : Question.Section.questionnaire()) {
			List<Field> fields = new ArrayList<>();
			if (section.asksDistances()) {
				fields.add(choices(QuestionnaireForm.UNIT, "radio", "question",
						Arrays.stream(DistanceUnit.values()).map(Enum::name).toList(), "answer.unit", locale));
			}
			asking.questions(section).forEach((question) -> fields.add(field(question, locale)));
			sections
				.add(new Section("section-" + section.id(), text(section.messageKey(), locale), List.copyOf(fields)));
		}
		return List.copyOf(sections);
	}

	private Field field(Question<?> question, Locale locale) {
		String name = question.pageName();
		return switch (question.kind()) {
			case ONE_OF ->
				choices(name, "radio", "question", question.pageOptions(), question.optionKeyPrefix(), locale);
			case YES_NO ->
				choices(name, "radio", "question", List.of("true", "false"), question.optionKeyPrefix(), locale);
			case ANY_OF ->
				choices(name, "checkbox", "question", question.pageOptions(), question.optionKeyPrefix(), locale);
			case WHOLE_NUMBER, NUMBER, DISTANCE -> {
				// a distance's limits depend on the unit the runner picks: its hint names
				// none
				Object[] limits = (question.kind() == Question.Kind.DISTANCE) ? null
						: new Object[] { question.min(), question.max() };
				yield new Field(name, "text", text("question." + name + ".label", locale),
						this.messages.getMessage("question." + name + ".hint", limits, locale),
						(question.kind() == Question.Kind.WHOLE_NUMBER) ? "numeric" : "decimal",
						this.messages.getMessage("question." + name + ".suffix", null, null, locale), List.of(), false);
			}
		};
	}

	private Field choices(String name, String type, String labelPrefix, List<String> values, String optionPrefix,
			Locale locale) {
		List<Option> options = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			String key = optionPrefix + "." + value;
			// an option's hint is there only where one is needed
			options.add(new Option((i == 0) ? name : name + "-" + value, value, text(key, locale),
					this.messages.getMessage(key + ".hint", null, null, locale), name + "-" + value + "-hint"));
		}
		return new Field(name, type, text(labelPrefix + "." + name + ".label", locale),
				text(labelPrefix + "." + name + ".hint", locale), null, null, List.copyOf(options),
				labelPrefix.equals("safety"));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
