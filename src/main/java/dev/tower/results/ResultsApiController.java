package dev.tower.results;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.results.ResultsViews.FailingTest;
import dev.tower.results.ResultsViews.FailureRow;
import dev.tower.results.ResultsViews.FlakyTest;
import dev.tower.results.ResultsViews.HostBreakdown;
import dev.tower.results.ResultsViews.RunPage;
import dev.tower.results.ResultsViews.RunSummary;
import dev.tower.results.ResultsViews.SlowTest;
import dev.tower.results.ResultsViews.TestHistory;
import dev.tower.results.ResultsViews.TrendPoint;
import dev.tower.results.ingest.IngestQueue;
import dev.tower.results.ingest.QueueEntry;
import dev.tower.results.ingest.QueueState;

@RestController
@RequestMapping("/api/v1/results")
@Tag(name = "Results")
class ResultsApiController {

	private final ResultsQueries queries;

	private final IngestQueue queue;

	ResultsApiController(ResultsQueries queries, IngestQueue queue) {
		this.queries = queries;
		this.queue = queue;
	}

	@GetMapping("/runs")
	@Operation(summary = "Runs, newest first, filtered by owner, site, host, tag (run or user tag) and dates (UTC, inclusive)")
	RunPage runs(@RequestParam(required = false) @Size(max = 255) String owner,
			@RequestParam(required = false) @Size(max = 255) String site,
			@RequestParam(required = false) @Size(max = 255) String host,
			@RequestParam(required = false) @Size(max = 255) String tag,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
		return queries.runs(new RunFilter(owner, site, host, tag, from, to), page, size);
	}

	@GetMapping("/trend")
	@Operation(summary = "Passed, failed and skipped per run for the latest runs matching the filters, oldest first")
	List<TrendPoint> trend(@RequestParam(required = false) @Size(max = 255) String owner,
			@RequestParam(required = false) @Size(max = 255) String site,
			@RequestParam(required = false) @Size(max = 255) String host,
			@RequestParam(required = false) @Size(max = 255) String tag,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "60") @Min(1) @Max(500) int limit) {
		return queries.trend(new RunFilter(owner, site, host, tag, from, to), limit);
	}

	record RunDetail(RunSummary run, List<HostBreakdown> hosts, List<FailureRow> failures) {
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run: totals, per-host breakdown and its failures (first 200)")
	RunDetail run(@PathVariable long id) {
		RunSummary run = queries.run(id).orElseThrow(() -> new UnknownRunException("run with id " + id));
		return new RunDetail(run, queries.hosts(id), queries.failures(id, 200));
	}

	@GetMapping("/tests/{key}/history")
	@Operation(summary = "One test's latest results across runs, oldest first")
	TestHistory history(@PathVariable long key, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return queries.history(key, limit).orElseThrow(() -> new UnknownRunException("test with key " + key));
	}

	@GetMapping("/flaky")
	@Operation(summary = "Tests whose outcome flips on the same code (user tag), or that Surefire reran to a pass")
	List<FlakyTest> flaky(@RequestParam(defaultValue = "30") @Min(1) @Max(3650) int days,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return queries.flaky(Duration.ofDays(days), limit);
	}

	@GetMapping("/slowest")
	@Operation(summary = "Tests by average duration")
	List<SlowTest> slowest(@RequestParam(defaultValue = "30") @Min(1) @Max(3650) int days,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return queries.slowest(Duration.ofDays(days), limit);
	}

	@GetMapping("/failing")
	@Operation(summary = "Tests by number of failures")
	List<FailingTest> failing(@RequestParam(defaultValue = "30") @Min(1) @Max(3650) int days,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return queries.mostFailing(Duration.ofDays(days), limit);
	}

	record QueueView(Map<QueueState, Long> counts, List<QueueEntry> entries) {
	}

	@GetMapping("/queue")
	@Operation(summary = "The ingest queue: counts per state and the latest entries (optionally of one state)")
	QueueView queue(@RequestParam(required = false) QueueState state,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, HttpServletRequest request) {
		return new QueueView(queue.counts(), ResultsAccess.visible(queue.list(state, limit), request));
	}

}
