package com.sciaticacheck.assessment;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * A form's answers as hidden inputs, carried unchanged to the next step or back to be
 * changed. Written here in one pass rather than by a template loop: they are a plain list
 * of escaped name and value pairs that every result page carries, and the loop was a
 * tenth of the result page's work under load.
 */
final class HiddenFields {

	private HiddenFields() {
	}

	/** The inputs, names and values escaped for a double-quoted attribute. */
	static String html(List<Map.Entry<String, String>> fields) {
		StringBuilder html = new StringBuilder(fields.size() * 64);
		for (Map.Entry<String, String> field : fields) {
			html.append("<input type=\"hidden\" name=\"")
				.append(HtmlUtils.htmlEscape(field.getKey()))
				.append("\" value=\"")
				.append(HtmlUtils.htmlEscape(field.getValue()))
				.append("\">\n");
		}
		return html.toString();
	}

}
