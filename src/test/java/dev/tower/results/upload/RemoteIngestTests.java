package dev.tower.results.upload;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import dev.tower.EmbeddedPostgresConfiguration;
import dev.tower.TowerApplication;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.cli.TowerCommandAccess;
import dev.tower.results.Reports;
import dev.tower.results.ResultsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test machine that must not reach the database: {@code tower ingest --server --token} uploads its reports to
 * a running Tower over HTTP, and hears clearly when the token or the server is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("testing")
@Import(EmbeddedPostgresConfiguration.class)
@Sql(scripts = "classpath:empty-database.sql")
class RemoteIngestTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@Test
	void uploadsEveryReportOfADirectoryIntoOneRun() {
		accounts.create("build-agent", "agent-kettle-harbour", false);
		String token = tokens.issue("build-agent", "farm", ResultsAccess.UPLOAD).secret();
		Reports.write(dir.resolve("surefire-reports"), "TEST-a.xml", Reports.report("com.acme.ATest", 5, 1, 0));
		Reports.write(dir.resolve("surefire-reports"), "TEST-b.xml", Reports.report("com.acme.BTest", 7, 0, 2));
		Reports.write(dir.resolve("surefire-reports"), "TEST-broken.xml", "<testsuite><testcase>");

		int exit = ingest("--server", "http://localhost:" + port, "--token", token, dir.resolve("surefire-reports").toString(),
				"--run", "pr-512", "--host", "agent-3", "--owner", "qa", "--user-tag", "abc123");

		assertThat(exit).isEqualTo(1);
		assertThat(out.toString()).contains("3 files (2 ingested, 0 duplicates, 1 rejected)", "15 cases", "1 failures");
		assertThat(err.toString()).contains("TEST-broken.xml").contains("Nothing was stored");
		assertThat(jdbc.sql("select name, owner, user_tag, tests from test_run").query().singleRow())
			.containsEntry("name", "pr-512").containsEntry("owner", "qa").containsEntry("user_tag", "abc123")
			.containsEntry("tests", 15L);
		assertThat(jdbc.sql("select distinct host from result_file").query(String.class).list()).containsExactly("agent-3");
	}

	@Test
	void aWrongTokenOrServerStopsTheUploadWithAClearMessage() {
		Reports.write(dir, "TEST-a.xml", Reports.report("com.acme.ATest", 1, 0, 0));

		assertThat(ingest("--server", "http://localhost:" + port, "--token", "twr_not-a-real-token", dir.toString())).isEqualTo(1);
		assertThat(err.toString()).contains("upload stopped: the server does not know this token");

		assertThat(ingest("--server", "http://localhost:1", "--token", "twr_x", dir.toString())).isEqualTo(1);
		assertThat(err.toString()).contains("cannot connect to localhost:1");
		assertThat(jdbc.sql("select count(*) from test_run").query(Long.class).single()).isZero();
	}

	private int ingest(String... args) {
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
		String[] all = new String[args.length + 1];
		all[0] = "ingest";
		System.arraycopy(args, 0, all, 1, args.length);
		return TowerCommandAccess.run(TowerApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), all);
	}

}
