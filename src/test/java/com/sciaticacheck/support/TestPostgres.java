package com.sciaticacheck.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of the tests that need one: at {@code SCIATICA_TEST_POSTGRES_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5433/sciatica_test}, user
 * {@code postgres}), which CI starts. Without one these tests are skipped on a
 * developer's machine, but fail in CI.
 */
public final class TestPostgres {

	public static final String URL = System.getenv()
		.getOrDefault("SCIATICA_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5433/sciatica_test");

	public static final String USER = System.getenv().getOrDefault("SCIATICA_TEST_POSTGRES_USER", "postgres");

	public static final String PASSWORD = System.getenv().getOrDefault("SCIATICA_TEST_POSTGRES_PASSWORD", "");

	private TestPostgres() {
	}

	/** Whether the server answers; in CI, its absence fails the tests instead. */
	public static boolean available() {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			if (System.getenv("CI") != null) {
				throw new IllegalStateException("CI must provide PostgreSQL at " + URL, ex);
			}
			System.out.println("PostgreSQL tests skipped: no server at " + URL);
			return false;
		}
	}

}
