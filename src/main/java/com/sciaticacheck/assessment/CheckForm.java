package com.sciaticacheck.assessment;

import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.web.util.HtmlUtils;

/**
 * What the check's two forms share: the answers as posted, their problems, and the
 * answers carried on in hidden fields. Templates read a form only through these.
 */
public abstract class CheckForm {

	private final PostedForm posted;

	private final FormErrors errors;

	private final boolean blank;

	/** The form's fields in page order. */
	private final List<String> fields;

	CheckForm(PostedForm posted, FormErrors errors, boolean blank, List<String> fields) {
		this.posted = posted;
		this.errors = errors;
		this.blank = blank;
		this.fields = fields;
	}

	/** Whether this is the form as it starts, before any answer. */
	public boolean isBlank() {
		return this.blank;
	}

	public FormErrors getErrors() {
		return this.errors;
	}

	/** A field's answer as typed, to show it again unchanged. */
	public String value(String field) {
		return this.posted.value(field);
	}

	/** Whether an option was chosen for a field. */
	public boolean checked(String field, String option) {
		return this.posted.values(field).contains(option);
	}

	/**
	 * Every answer as posted, as hidden inputs whose names and values are escaped for a
	 * double-quoted attribute: carried unchanged to the next step, or back to be changed.
	 * Written here in one pass rather than by a template loop: a plain list that every
	 * result page carries, and the loop was a tenth of the result page's work under load.
	 */
	public String getHiddenFieldsHtml() {
		StringBuilder html = new StringBuilder(512);
		for (String field : this.fields) {
			this.posted.values(field).forEach((value) -> hidden(html, field, value));
		}
		carriedAlong((name, value) -> hidden(html, name, value));
		return html.toString();
	}

	/**
	 * Only what {@link #carriedAlong} carries, as hidden inputs: for a page that shows
	 * the form's own fields as inputs.
	 */
	public String getCarriedFieldsHtml() {
		StringBuilder html = new StringBuilder(256);
		carriedAlong((name, value) -> hidden(html, name, value));
		return html.toString();
	}

	/** Anything else the next step needs, such as the mark that a step was passed. */
	abstract void carriedAlong(BiConsumer<String, String> hidden);

	PostedForm posted() {
		return this.posted;
	}

	private static void hidden(StringBuilder html, String name, String value) {
		html.append("<input type=\"hidden\" name=\"")
			.append(HtmlUtils.htmlEscape(name))
			.append("\" value=\"")
			.append(HtmlUtils.htmlEscape(value))
			.append("\">\n");
	}

}
