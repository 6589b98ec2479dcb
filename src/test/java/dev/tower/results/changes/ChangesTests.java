package dev.tower.results.changes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tower.TowerTest;
import dev.tower.jobs.NotificationView;
import dev.tower.jobs.Notifications;
import dev.tower.results.ResultsProperties;
import dev.tower.results.failures.FailureGroups;
import dev.tower.results.changes.ChangeViews.Comparison;
import dev.tower.results.changes.ChangeViews.RunChanges;
import dev.tower.results.changes.ChangeViews.StillFailing;
import dev.tower.results.changes.ChangeViews.TestRef;
import dev.tower.results.ingest.RunDeletion;
import dev.tower.results.tests.TestDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What changed in a run, kept as streaks at ingest, and two runs compared. */
@TowerTest
class ChangesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ChangeQueries queries;

	@Autowired
	RunDeletion deletion;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	FailureGroups groups;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestDirectory directory;

	@TempDir
	Path dir;

	SeriesRuns runs;

	@BeforeEach
	void runs() {
		runs = new SeriesRuns(context, dir);
	}

	@Test
	void failuresAreNewOrStillFailingSinceTheirStreakBeganAndAnAbsenceBreaksNoStreak() {
		long first = runs.ingest("n1", 1, "adds=P pays=F ships=F lists=P");
		runs.ingest("elsewhere", "other-lab", "build-1", 2, "adds=P pays=P ships=P");
		long second = runs.ingest("n2", 2, "adds=F pays=F lists=P");
		long third = runs.ingest("n3", 3, "adds=E pays=P ships=F finds=P");
		long fourth = runs.ingest("n4", 4, "adds=F pays=S ships=P");

		RunChanges n1 = queries.changes(first, 100);
		assertThat(n1.predecessor()).isNull();
		assertThat(names(n1.newFailures())).containsExactly("pays", "ships");
		assertThat(n1.added()).isEmpty();

		RunChanges n2 = queries.changes(second, 100);
		assertThat(n2.predecessor().runId()).isEqualTo(first);
		assertThat(names(n2.newFailures())).containsExactly("adds");
		assertThat(n2.stillFailing()).extracting(StillFailing::name, test -> test.since().name(), StillFailing::age)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("pays", "n1", 2));
		assertThat(n2.fixed()).isEmpty();
		assertThat(names(n2.removed())).containsExactly("ships");

		RunChanges n3 = queries.changes(third, 100);
		assertThat(n3.newFailures()).isEmpty();
		// ships was absent from n2: its streak goes on from n1
		assertThat(n3.stillFailing()).extracting(StillFailing::name, test -> test.since().runId(), StillFailing::age)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("adds", second, 2),
					org.assertj.core.groups.Tuple.tuple("ships", first, 2));
		assertThat(names(n3.fixed())).containsExactly("pays");
		assertThat(names(n3.added())).containsExactly("finds", "ships");
		assertThat(names(n3.removed())).containsExactly("lists");

		RunChanges n4 = queries.changes(fourth, 100);
		assertThat(n4.stillFailing()).extracting(StillFailing::name, StillFailing::age)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("adds", 3));
		// skipped is no result: pays neither fails nor is fixed again
		assertThat(names(n4.fixed())).containsExactly("ships");
		assertThat(names(n4.removed())).containsExactly("finds");
		assertThat(n4.counts()).containsEntry("newFailures", 0).containsEntry("stillFailing", 1)
			.containsEntry("fixed", 1).containsEntry("added", 0).containsEntry("removed", 1);
	}

	@Test
	void theApiAnswersTheChangesOfARun() throws Exception {
		long first = runs.ingest("n1", 1, "adds=P pays=F ships=P");
		long second = runs.ingest("n2", 2, "adds=F pays=F ships=P finds=P");

		mvc.perform(get("/api/v1/results/runs/{id}/changes", second).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.predecessor.runId").value(first))
			.andExpect(jsonPath("$.predecessor.name").value("n1"))
			.andExpect(jsonPath("$.newFailures[0].name").value("adds"))
			.andExpect(jsonPath("$.newFailures[0].className").value(SeriesRuns.CLASS))
			.andExpect(jsonPath("$.newFailures[0].testKey").isString())
			.andExpect(jsonPath("$.stillFailing[0].name").value("pays"))
			.andExpect(jsonPath("$.stillFailing[0].since.runId").value(first))
			.andExpect(jsonPath("$.stillFailing[0].since.name").value("n1"))
			.andExpect(jsonPath("$.stillFailing[0].age").value(2))
			.andExpect(jsonPath("$.fixed").isEmpty())
			.andExpect(jsonPath("$.added[0].name").value("finds"))
			.andExpect(jsonPath("$.removed").isEmpty())
			.andExpect(jsonPath("$.counts.added").value(1));
		mvc.perform(get("/api/v1/results/runs/{id}/changes?limit=1", second).with(user("reader")))
			.andExpect(jsonPath("$.newFailures.length()").value(1));

		mvc.perform(get("/results/runs/{id}", second).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("failing since")))
			.andExpect(content().string(containsString(">new</span>")));
	}

	@Test
	void aComparisonSortsEveryTestIntoItsCategory() throws Exception {
		long base = runs.ingest("base", 1, "breaks=P:0.1 stays=F still=E mends=F goes=P doubles=P:0.5 creeps=P:0.3 flat=P:2");
		long head = runs.ingest("head", 2, "breaks=F:0.1 stays=F still=F mends=P comes=P doubles=P:1.6 creeps=P:0.9 flat=P:2.5 slept=S");

		Comparison comparison = queries.compare(base, head, 100);
		assertThat(names(comparison.newFailures())).containsExactly("breaks");
		assertThat(names(comparison.stillFailing())).containsExactly("stays", "still");
		assertThat(names(comparison.fixed())).containsExactly("mends");
		assertThat(names(comparison.added())).containsExactly("comes", "slept");
		assertThat(names(comparison.removed())).containsExactly("goes");
		// twice and a second slower: creeps tripled by 0.6 s, flat grew by 0.5 s
		assertThat(comparison.slower()).extracting(ChangeViews.SlowerTest::name).containsExactly("doubles");

		mvc.perform(get("/api/v1/results/compare?base={base}&head={head}", base, head).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.base.runId").value(base))
			.andExpect(jsonPath("$.head.name").value("head"))
			.andExpect(jsonPath("$.newFailures[0].testKey").isString())
			.andExpect(jsonPath("$.slower[0].name").value("doubles"))
			.andExpect(jsonPath("$.slower[0].baseSeconds").value(0.5))
			.andExpect(jsonPath("$.slower[0].headSeconds").value(1.6))
			.andExpect(jsonPath("$.counts.removed").value(1));
		mvc.perform(get("/results/compare?head={head}", head).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("mends")))
			.andExpect(content().string(containsString("doubles")));
	}

	@Test
	void aRunsTestsAreFoundByKeyWithRepeatsSignsAndZero() {
		RunTests before = tests(Long.MIN_VALUE, -5, -5, 0, 3, 7, 7, 9);
		RunTests now = tests(-5, 3, 3, 8, 9, Long.MAX_VALUE);
		assertThat(before.size()).isEqualTo(6);
		assertThat(now.missingFrom(before)).containsExactly(8L, Long.MAX_VALUE);
		assertThat(before.missingFrom(now)).containsExactly(Long.MIN_VALUE, 0L, 7L);
		assertThat(tests().missingFrom(now)).isEmpty();
		assertThat(now.missingFrom(tests())).containsExactly(-5L, 3L, 8L, 9L, Long.MAX_VALUE);
	}

	@Test
	void aRunsTestsStayFoundAsTheirTableGrows() {
		Random random = new Random(7);
		RunTests tests = RunTests.keys();
		Set<Long> added = new LinkedHashSet<>();
		for (int i = 0; i < 50_000; i++) {
			// some keys differ only in their high bits, some repeat
			long key = random.nextBoolean() ? random.nextLong() : (long) random.nextInt(20_000) << 40;
			tests.add(key);
			added.add(key);
		}
		assertThat(tests.size()).isEqualTo(added.size());
		List<Long> lost = added.stream().filter(key -> tests.indexOf(key) < 0 || tests.key(tests.indexOf(key)) != key)
			.toList();
		assertThat(lost).isEmpty();
		assertThat(tests.indexOf(1)).isEqualTo(-1);
		assertThat(tests.missingFrom(tests)).isEmpty();
	}

	private static RunTests tests(long... keys) {
		RunTests tests = RunTests.keys();
		for (long key : keys) {
			tests.add(key);
		}
		return tests;
	}

	@Test
	void unknownRunsAreNotFoundAndMalformedIdsAreRefused() throws Exception {
		long run = runs.ingest("n1", 1, "adds=P");
		for (String path : List.of("/api/v1/results/runs/99999/changes", "/api/v1/results/compare?base=99999&head=" + run,
				"/api/v1/results/compare?base=" + run + "&head=99999")) {
			mvc.perform(get(path).with(user("reader"))).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		for (String path : List.of("/api/v1/results/runs/abc/changes", "/api/v1/results/compare?base=1",
				"/api/v1/results/compare?base=x&head=1", "/api/v1/results/runs/" + run + "/changes?limit=0")) {
			mvc.perform(get(path).with(user("reader"))).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		mvc.perform(get("/results/compare?head=99999").with(user("reader"))).andExpect(status().isNotFound());
		// the first run of a series has nothing to be compared with by default
		mvc.perform(get("/results/compare?head=" + run).with(user("reader"))).andExpect(status().isNotFound());
	}

	/**
	 * Files of runs arriving in any order, from several hosts, and runs deleted: the streaks kept at ingest always
	 * equal those the migration computes from all the cases at once.
	 */
	@Test
	void streaksKeptAtIngestAgreeWithTheWholeHistoryWhateverTheOrder() throws Exception {
		Random random = new Random(14);
		List<Runnable> files = seriesOfFiles(random);
		Collections.shuffle(files, random);
		files.forEach(Runnable::run);
		assertThat(streaks()).isEqualTo(rebuilt());

		List<Long> ids = jdbc.sql("select id from test_run order by id").query(Long.class).list();
		for (int i = 0; i < 5; i++) {
			deletion.delete(ids.get(random.nextInt(ids.size())));
		}
		assertThat(streaks()).isEqualTo(rebuilt());
	}

	@Test
	void aTestIsNewOnlyToTheFileThatAddsItToTheDirectoryNotToOneThatForgotIt() throws Exception {
		runs.ingest("n1", 1, "adds=F pays=P");
		directory.forget(); // as after a restart: every test looks new until the directory is asked
		runs.ingest("n2", 2, "adds=F pays=F");
		directory.forget();
		runs.ingest("n3", 3, "adds=P pays=F");
		assertThat(streaks()).hasSize(5).isEqualTo(rebuilt());
	}

	/**
	 * Files of one series sharing their tests, stored four at a time while runs are deleted: the streaks still agree
	 * with the whole history (each file locks only its own tests, and the runs' first files race for their day).
	 */
	@Test
	void streaksAgreeWithTheWholeHistoryWhenFilesAndDeletionsRunAtOnce() throws Exception {
		Random random = new Random(15);
		List<Runnable> work = seriesOfFiles(random);
		Collections.shuffle(work, random);
		for (int i = 0; i < 6; i++) {
			work.add(8 + 4 * i, () -> {
				List<Long> ids = jdbc.sql("select id from test_run order by id").query(Long.class).list();
				deletion.delete(ids.get(ids.size() / 2));
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = work.stream().<Future<?>>map(pool::submit).toList();
			for (Future<?> task : done) {
				task.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(streaks()).isEqualTo(rebuilt());
	}

	/** Two sites' runs over eight days from two hosts, each file with some of the same five tests. */
	private List<Runnable> seriesOfFiles(Random random) {
		String[] tests = { "a", "b", "c", "d", "e" };
		List<Runnable> files = new ArrayList<>();
		for (String site : List.of("lab", "annex")) {
			for (int day = 1; day <= 8; day++) {
				for (String host : List.of("build-1", "build-2")) {
					StringBuilder results = new StringBuilder();
					for (String test : tests) {
						int pick = random.nextInt(10);
						if (pick < 7) {
							results.append(test).append(pick < 4 ? "=P " : pick < 6 ? "=F " : "=S ");
						}
					}
					String name = site + "-" + day;
					int runDay = day;
					files.add(() -> runs.ingest(name, site, host, runDay, results.toString()));
				}
			}
		}
		return files;
	}

	@Test
	void aRunWithNewFailuresIsToldOnceAndTheModeChoosesWhichFailures() {
		runs.ingestQueued("n1", 1, "adds=P pays=P");
		assertThat(messages()).isEmpty();
		runs.ingestQueued("n2", 2, "adds=F pays=F ships=F");
		long run = jdbc.sql("select id from test_run where name = 'n2'").query(Long.class).single();
		assertThat(messages()).containsExactly("Run n2: 3 new failures, 1 likely cause in the run. /results/runs/" + run);

		runs.ingestQueued("n3", 3, "adds=F pays=P");
		assertThat(messages()).hasSize(1);
		// another host's file of n2 with another new failure: only that one is told
		runs.ingest("n2", "lab", "build-2", 2, "finds=F");
		FailureNotices any = new FailureNotices(jdbc, notifications, transaction,
				properties(ResultsProperties.Notify.ANY_FAILURE), groups);
		long third = jdbc.sql("select id from test_run where name = 'n3'").query(Long.class).single();
		any.afterIngest(List.of(run, third));
		assertThat(messages()).containsExactlyInAnyOrder("Run n2: 3 new failures, 1 likely cause in the run. /results/runs/" + run,
				"Run n2: 1 new failure, 1 likely cause in the run. https://tower.example.com/results/runs/" + run,
				"Run n3: 1 failing test, 1 likely cause in the run. https://tower.example.com/results/runs/" + third);

		// a run slipped in before n2 makes its failures old, and going again makes them new: told once all the same
		long slipped = runs.ingest("n1b", "lab", "build-1", 1, "adds=F pays=F ships=F");
		deletion.delete(slipped);
		assertThat(queries.changes(run, 10).counts()).containsEntry("newFailures", 4);
		any.afterIngest(List.of(run));
		assertThat(messages()).hasSize(3);

		runs.ingest("n4", 4, "adds=F");
		new FailureNotices(jdbc, notifications, transaction, properties(ResultsProperties.Notify.NEVER), groups)
			.afterIngest(List.of(jdbc.sql("select id from test_run where name = 'n4'").query(Long.class).single()));
		assertThat(messages()).hasSize(3);
	}

	private static ResultsProperties properties(ResultsProperties.Notify notify) {
		return new ResultsProperties(null, null, null, null, null, null, null, null, null, null, notify,
				java.net.URI.create("https://tower.example.com/"));
	}

	private List<String> messages() {
		return notifications.recent(10).stream().map(NotificationView::message).toList();
	}

	private static List<String> names(List<? extends Object> tests) {
		return tests.stream().map(test -> test instanceof TestRef ref ? ref.name() : ((StillFailing) test).name()).toList();
	}

	private Set<String> streaks() {
		return new TreeSet<>(jdbc.sql("select run_id, test_key, fixed, since_run_id, age from test_streak")
			.query((rs, row) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getBoolean(3) + " " + rs.getObject(4) + " "
					+ rs.getObject(5))
			.list());
	}

	/** The rows the migration makes of the cases stored. */
	private Set<String> rebuilt() throws Exception {
		String migration = new ClassPathResource("db/migration/results/V13__run_changes.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		String select = migration.substring(migration.lastIndexOf("select run_id, test_key, series_id"));
		return new TreeSet<>(jdbc.sql("select run_id, test_key, fixed, since_run_id, age from ("
				+ select.substring(0, select.lastIndexOf(';')) + ") rebuilt")
			.query((rs, row) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getBoolean(3) + " " + rs.getObject(4) + " "
					+ rs.getObject(5))
			.list());
	}

}
