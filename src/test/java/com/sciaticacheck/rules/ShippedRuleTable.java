package com.sciaticacheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The rule table the app ships, read without Spring, so tests pin what really runs. */
public final class ShippedRuleTable {

	private static final RuleTable TABLE = read();

	private ShippedRuleTable() {
	}

	public static RuleTable table() {
		return TABLE;
	}

	public static RulesService service() {
		return new RulesService(TABLE);
	}

	private static RuleTable read() {
		try (InputStream in = ShippedRuleTable.class.getResourceAsStream("/rules/risk-rules.md")) {
			return RuleTableParser.parse("risk-rules.md", new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
