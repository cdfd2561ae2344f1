package com.sciaticacheck.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database's folder and files, readable by the app's user alone: the
 * folder is made 0700 before H2 first opens it, and the files H2 creates itself (with the
 * process's umask, typically 0644) are set to 0600 once the app has started, at every
 * retention purge, and after the file is compacted when the app stops.
 *
 * <p>
 * H2 keeps a deleted row's old page in its file until that space is written over, and
 * offers nothing at run time that reliably does so (a measured {@code CHECKPOINT SYNC} or
 * online compaction left deleted answers in the file). {@code SHUTDOWN COMPACT} rewrites
 * the file without them, so the app runs it when it stops: just before the pool closes,
 * after the web server and the scheduler have stopped and every bean that uses the
 * database (such as the event publication registry, which reads it as it is destroyed) is
 * gone. Only encryption (H2's {@code CIPHER=AES}, or the volume's) keeps deleted answers
 * unreadable in between; see the README.
 */
@Component
class EmbeddedDatabaseFiles implements DestructionAwareBeanPostProcessor, SmartLifecycle {

	/** H2's error code for a statement on a database that is closed. */
	private static final int DATABASE_CLOSED = 90121;

	private static final Log logger = LogFactory.getLog(EmbeddedDatabaseFiles.class);

	static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private volatile @Nullable Path database;

	private volatile @Nullable DataSource dataSource;

	private volatile boolean running;

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && this.database == null) {
			Path file = embeddedFile(hikari.getJdbcUrl());
			if (file != null) {
				prepareFolder(file.getParent(), file.getFileName().toString());
				this.database = file;
				this.dataSource = hikari;
			}
		}
		return bean;
	}

	/**
	 * The path of an embedded H2 file database, without its extension; null for any other
	 * database (in memory, over TCP, PostgreSQL).
	 */
	static @Nullable Path embeddedFile(@Nullable String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return null;
		}
		String name = url.substring("jdbc:h2:".length());
		int options = name.indexOf(';');
		name = (options >= 0) ? name.substring(0, options) : name;
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (name.matches("[a-z]{2,}:.*")) {
			// mem:, tcp:, ssl:, zip:, ...
			return null;
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Path.of(name).toAbsolutePath().normalize();
	}

	private static void prepareFolder(Path folder, String name) {
		if (!posix(folder)) {
			// not a POSIX file system: its access lists are the platform's to set
			return;
		}
		try {
			if (Files.notExists(folder)) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
			}
			else if (holdsOnly(folder, name)) {
				Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
			}
			else if (!Files.getPosixFilePermissions(folder).equals(OWNER_ONLY_FOLDER)) {
				// someone else's folder (/tmp, a home directory): not ours to change
				logger.warn("The embedded database's folder holds other files too, so its permissions are left as "
						+ "they are; give the database a folder of its own");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot prepare the embedded database's folder " + folder, ex);
		}
		tighten(folder, name);
	}

	/** Whether the folder's file system has POSIX permissions to set. */
	private static boolean posix(Path folder) {
		return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static boolean holdsOnly(Path folder, String name) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.allMatch((file) -> file.getFileName().toString().startsWith(name + "."));
		}
	}

	/** Sets the database's files to 0600, H2 having created them with the umask. */
	void tighten() {
		Path file = this.database;
		if (file != null) {
			tighten(file.getParent(), file.getFileName().toString());
		}
	}

	private static void tighten(Path folder, String name) {
		if (!posix(folder)) {
			return;
		}
		List<Path> files;
		try (Stream<Path> listed = Files.list(folder)) {
			files = listed.filter((file) -> file.getFileName().toString().startsWith(name + "."))
				.filter(Files::isRegularFile)
				.toList();
		}
		catch (IOException ex) {
			return;
		}
		for (Path file : files) {
			try {
				Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
			}
			catch (NoSuchFileException ex) {
				// a temporary file H2 removed meanwhile
			}
			catch (IOException ex) {
				logger.warn("Cannot make an embedded database file readable by this user only: " + ex.getMessage());
			}
		}
	}

	@Override
	public void start() {
		// Flyway has opened the database by now, so H2 has created its files
		tighten();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean == this.dataSource;
	}

	/** Compacts the file as the pool is about to close: nothing uses it any more. */
	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		DataSource source = this.dataSource;
		if (bean != source || source == null) {
			return;
		}
		try (Connection connection = source.getConnection()) {
			compact(connection);
		}
		catch (SQLException ex) {
			// closing the pool's connection to a database that has just shut down fails
			// (H2 error 90121, "database is already closed"): the compaction is done
			if (ex.getErrorCode() != DATABASE_CLOSED) {
				logger.warn("Could not compact the embedded database on stopping: " + ex.getMessage());
			}
		}
		// compaction writes a new file, with the umask's permissions
		tighten();
	}

	private static void compact(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts once Flyway has opened the database, whatever else starts. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

}
