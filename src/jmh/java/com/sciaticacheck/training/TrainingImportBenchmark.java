package com.sciaticacheck.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.util.unit.DataSize;

/**
 * A year of daily runs read into the four figures: 365 FIT files as they are uploaded, and
 * the same in one zip. Target: under 2 s, inside the container's memory (run the fork with
 * the container's heap, -Xmx384m; see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainingImportBenchmark {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private TrainingImport training;

	private List<UploadedFile> files;

	private List<UploadedFile> zipped;

	@Setup
	public void writeTheFiles() {
		this.files = YearOfRuns.files(TODAY);
		this.zipped = List.of(YearOfRuns.zip(this.files));
		Clock clock = Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC);
		this.training = new TrainingImport(
				new TrainingSettings(DataSize.ofMegabytes(200), 2000, Duration.ofSeconds(30), 2), clock);
		TrainingSummary check = this.training.read(this.files, ZoneId.of("Europe/London"));
		if (check.used().size() != 37 || check.outsideWindow() != 328) {
			throw new IllegalStateException("the year was not read whole: " + check.used().size() + " runs used");
		}
		long bytes = this.files.stream().mapToLong((file) -> file.content().length).sum();
		System.out.printf("%d files, %.1f MB; zipped %.1f MB%n", this.files.size(), bytes / 1e6,
				this.zipped.get(0).content().length / 1e6);
	}

	@Benchmark
	public TrainingSummary yearOfFitFiles() {
		return this.training.read(this.files, ZoneId.of("Europe/London"));
	}

	@Benchmark
	public TrainingSummary yearOfFitFilesInOneZip() {
		return this.training.read(this.zipped, ZoneId.of("Europe/London"));
	}

}
