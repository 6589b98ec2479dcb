package dev.tower.results;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tower.results.ResultsViews.Paged;
import dev.tower.results.ResultsViews.RunSummary;
import dev.tower.results.changes.ChangeQueries;
import dev.tower.results.failures.FailureGroups;
import dev.tower.results.ingest.IngestQueue;
import dev.tower.results.ingest.RunDeletion;
import dev.tower.results.ingest.QueueState;

/** The Results board's pages; the trend and history charts on them are React islands fed by the JSON API. */
@Controller
class ResultsPagesController {

	private static final int PAGE_SIZE = 25;

	private static final int RUN_PAGE_SIZE = 100;


	private static final int INSIGHT_DAYS = 30;

	private final ResultsQueries queries;

	private final IngestQueue queue;

	private final RunDeletion deletion;

	private final ChangeQueries changes;

	private final FailureGroups failureGroups;

	ResultsPagesController(ResultsQueries queries, IngestQueue queue, RunDeletion deletion, ChangeQueries changes,
			FailureGroups failureGroups) {
		this.queries = queries;
		this.queue = queue;
		this.deletion = deletion;
		this.changes = changes;
		this.failureGroups = failureGroups;
	}

	@GetMapping("/results")
	String runs(@RequestParam(required = false) @Size(max = 255) String owner,
			@RequestParam(required = false) @Size(max = 255) String site,
			@RequestParam(required = false) @Size(max = 255) String host,
			@RequestParam(required = false) @Size(max = 255) String tag,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page, Model model) {
		RunFilter filter = new RunFilter(owner, site, host, tag, from, to);
		model.addAttribute("filter", filter);
		model.addAttribute("runs", queries.runs(filter, page, PAGE_SIZE));
		var counts = queue.counts();
		model.addAttribute("queuePending", counts.get(QueueState.PENDING));
		model.addAttribute("queueFailed", counts.get(QueueState.FAILED));
		return "results/runs";
	}

	/** A run: its failures first, then its hosts and suites, each list a page at a time. */
	@GetMapping("/results/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int failures,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int suites, Model model) {
		RunSummary run = queries.run(id).orElseThrow(() -> new UnknownRunException("run with id " + id));
		model.addAttribute("run", run);
		model.addAttribute("hosts", queries.hosts(id));
		model.addAttribute("failures", new Paged<>(queries.failures(id, failures, RUN_PAGE_SIZE), failures,
				RUN_PAGE_SIZE, run.failures() + run.errors()));
		model.addAttribute("suites", new Paged<>(queries.suites(id, suites, RUN_PAGE_SIZE), suites, RUN_PAGE_SIZE,
				queries.suiteCount(id)));
		model.addAttribute("rejected", queries.rejectedFiles(id));
		model.addAttribute("changes", changes.changes(id, RUN_PAGE_SIZE));
		model.addAttribute("failureGroups", failureGroups.ofRun(id));
		return "results/run";
	}

	/** The confirmation the run page's delete button leads to: a page, so no script is needed to ask. */
	@GetMapping("/admin/results/runs/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("run", queries.run(id).orElseThrow(() -> new UnknownRunException("run with id " + id)));
		return "results/delete";
	}

	@PostMapping("/admin/results/runs/{id}/delete")
	String deleteRun(@PathVariable long id, RedirectAttributes redirect) {
		String name = queries.run(id).orElseThrow(() -> new UnknownRunException("run with id " + id)).name();
		if (!deletion.delete(id)) {
			throw new UnknownRunException("run with id " + id);
		}
		redirect.addFlashAttribute("message", "Run " + name + " deleted.");
		return "redirect:/results";
	}

	@GetMapping("/results/tests/{key}")
	String test(@PathVariable long key, Model model) {
		model.addAttribute("test", queries.history(key, 100).orElseThrow(() -> new UnknownRunException("test with key " + key)));
		return "results/test";
	}

	@GetMapping("/results/insights")
	String insights(Model model) {
		model.addAttribute("flaky", queries.flaky(INSIGHT_DAYS, 25));
		model.addAttribute("slowest", queries.slowest(INSIGHT_DAYS, 10));
		model.addAttribute("failing", queries.mostFailing(INSIGHT_DAYS, 10));
		model.addAttribute("failureGroups", failureGroups.since(INSIGHT_DAYS, 10));
		return "results/insights";
	}

	@GetMapping("/results/queue")
	String queue(@RequestParam(required = false) QueueState state, Model model, HttpServletRequest request) {
		model.addAttribute("counts", queue.counts());
		model.addAttribute("entries", ResultsAccess.visible(queue.list(state, 200), request));
		model.addAttribute("state", state);
		return "results/queue";
	}

	@PostMapping("/admin/results/queue/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", queue.retry(id) ? "Entry " + id + " is pending again."
				: "Entry " + id + " is not failed or expired: nothing to retry.");
		return "redirect:/results/queue";
	}

	@PostMapping("/admin/results/queue/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", queue.delete(id) ? "Entry " + id + " deleted."
				: "Entry " + id + " is being processed or already gone: not deleted.");
		return "redirect:/results/queue";
	}

}
