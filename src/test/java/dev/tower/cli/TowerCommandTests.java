package dev.tower.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tower.TowerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The command line as an operator uses it: same jar, same data layer, no web server. */
class TowerCommandTests {

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	final InputStream stdin = System.in;

	/** What start-up logs to the console (standard output). */
	final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@AfterEach
	void restoreStdin() {
		System.setIn(stdin);
	}

	@Test
	void createsAnAccountWithAPipedPasswordThenListsIt() {
		System.setIn(new ByteArrayInputStream("carol-kettle-harbour\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(run("--profile", "testing", "user", "create", "carol", "--admin")).as(err::toString).isZero();
		assertThat(out.toString()).contains("Created admin account 'carol'.");
		assertThat(run("--profile", "testing", "user", "list")).isZero();
		assertThat(out.toString()).containsPattern("carol\\s+admin");
	}

	@Test
	void explainsARefusedAccountWithoutAStackTrace() {
		System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(run("--profile", "testing", "user", "create", "dave")).isEqualTo(1);
		assertThat(err.toString()).isEqualTo("tower: a password needs at least 8 characters" + System.lineSeparator());
	}

	@Test
	void refusesAGuessablePasswordWithAdvice() {
		System.setIn(new ByteArrayInputStream("12345678\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(run("--profile", "testing", "user", "create", "frank")).isEqualTo(1);
		assertThat(err.toString()).isEqualTo("tower: this password is too easy to guess (This is a top-10 common password): "
				+ "Add another word or two. Uncommon words are better." + System.lineSeparator());
	}

	@Test
	void adminsGrantRolesDisableAndEnableAccountsAndRevokeTheirTokens() throws SQLException {
		System.setIn(new ByteArrayInputStream("gina-kettle-harbour\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(run("--profile", "testing", "user", "create", "gina")).as(err::toString).isZero();
		assertThat(run("--profile", "testing", "user", "token", "gina", "--name", "laptop")).isZero();
		assertThat(run("--profile", "testing", "user", "token", "gina", "--name", "ci", "--scope", "upload")).isZero();

		assertThat(run("--profile", "testing", "user", "tokens", "gina", "--revoke-all")).isZero();
		assertThat(out.toString()).contains("Revoked 2 tokens of 'gina'.");
		assertThat(tokenCount("gina")).isZero();

		assertThat(run("--profile", "testing", "user", "role", "gina", "player")).isZero();
		assertThat(out.toString()).contains("'gina' now has the player role.");
		assertThat(run("--profile", "testing", "user", "disable", "gina")).isZero();
		assertThat(run("--profile", "testing", "user", "list")).isZero();
		assertThat(out.toString()).containsPattern("gina\\s+player\\s+disabled");
		assertThat(run("--profile", "testing", "user", "enable", "gina")).isZero();
		assertThat(run("--profile", "testing", "user", "list")).isZero();
		assertThat(out.toString()).containsPattern("gina\\s+player\\s+active");
	}

	@Test
	void refusesUnknownRolesAndAccountsClearly() {
		assertThat(run("--profile", "testing", "user", "role", "gina", "wizard")).isEqualTo(2);
		assertThat(err.toString()).startsWith("unknown role 'wizard': use player, user, admin");
		assertThat(run("--profile", "testing", "user", "disable", "nobody")).isEqualTo(1);
		assertThat(err.toString()).isEqualTo("tower: no account named 'nobody'" + System.lineSeparator());
		assertThat(run("--profile", "testing", "user", "tokens", "nobody")).isEqualTo(2);
		assertThat(err.toString()).contains("Missing required option: '--revoke-all'");
	}

	@Test
	void issuesUploadTokens() throws SQLException {
		System.setIn(new ByteArrayInputStream("erin-kettle-harbour\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(run("--profile", "testing", "user", "create", "erin", "--admin")).as(err::toString).isZero();

		assertThat(run("--profile", "testing", "user", "token", "erin", "--name", "test-rig", "--scope", "upload")).isZero();
		String token = out.toString().strip();

		assertThat(token).startsWith("twr_");
		assertThat(storedScope("erin", token)).isEqualTo("upload");
	}

	@Test
	void refusesAnUnknownTokenScopeBeforeOpeningTheDatabase() {
		assertThat(run("--profile", "testing", "user", "token", "erin", "--name", "ci", "--scope", "admin")).isEqualTo(2);
		assertThat(err.toString()).startsWith("unknown token scope 'admin': use api or upload");
	}

	@Test
	void explainsTokenScopesInTheHelp() {
		assertThat(run("user", "token", "--help")).isZero();
		assertThat(out.toString()).contains("--scope=SCOPE", "default: api", "upload  only upload test results");
	}

	@Test
	void importsFinanceFilesAndReportsTheBrokenOnes(@TempDir Path dir) throws Exception {
		Path good = Files.writeString(dir.resolve("good.json"),
				"{\"DATA\":[{\"COMPANY\":\"Initech\",\"COMPANY_CEO\":\"Bill\",\"BUSINESS_TYPE\":\"Software\",\"FINANCE\":[{\"YEAR\":1999,\"Q1_EARNINGS\":1.0}]}]}");
		Path bad = Files.writeString(dir.resolve("bad.json"), "{\"DATA\": [1, 2");

		assertThat(run("--profile", "testing", "finance", "import", good.toString(), bad.toString())).isEqualTo(1);
		assertThat(out.toString()).contains("good.json: ").containsPattern("\\d+ companies created|0 companies created, 1 updated");
		assertThat(err.toString()).contains("bad.json: nothing imported: not the expected JSON");
	}

	@Test
	void refusesAnUnknownProfileClearly() {
		assertThat(run("--profile", "staging", "user", "list")).isEqualTo(2);
		assertThat(err.toString()).contains("tower: unknown profile 'staging' in --profile");
	}

	@Test
	void aDatabaseThatRefusesTheAccountIsOneLineAndExitCodeTwo() throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
		try {
			assertThat(serve("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
					"--spring.datasource.username=nobody")).isEqualTo(2);
			assertThat(err.toString()).isEqualTo("tower: cannot start: the database: FATAL: role \"nobody\" does not exist"
					+ System.lineSeparator());
		}
		finally {
			postgres.close();
		}
	}

	@Test
	void anUnreachableDatabaseIsOneLineAndTheTraceOnlyWithDebug() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		assertThat(serve("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/tower")).isEqualTo(2);
		assertThat(err.toString()).startsWith("tower: cannot start: the database: Connection to 127.0.0.1:" + closed + " refused")
			.hasLineCount(1);
		assertThat(printed.toString()).doesNotContain("\tat ", "Exception encountered", "Application run failed");

		assertThat(serve("--debug", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/tower")).isEqualTo(2);
		assertThat(err.toString()).startsWith("tower: cannot start: the database: Connection to").contains("\tat org.postgresql");
	}

	@Test
	void aDatabaseThatAcceptsButNeverAnswersFailsStartUpWithinSeconds() throws Exception {
		try (ServerSocket silent = new ServerSocket(0)) {
			Thread accepting = new Thread(() -> {
				List<Socket> held = new ArrayList<>();
				try {
					while (true) {
						held.add(silent.accept());
					}
				}
				catch (IOException closed) {
					// the test is over
				}
			});
			accepting.setDaemon(true);
			accepting.start();
			// Without pgjdbc's login timeout this start-up waits for ever (serve gives up after two minutes).
			assertThat(serve("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/tower"))
				.isEqualTo(2);
			assertThat(err.toString()).startsWith("tower: cannot start: the database: ").hasLineCount(1);
		}
	}

	@Test
	void aMalformedRedisUrlIsOneLine() {
		assertThat(serve("--REDIS_URL=http://localhost:6379")).isEqualTo(2);
		assertThat(err.toString()).startsWith("tower: cannot start: ").hasLineCount(1);
		assertThat(printed.toString()).doesNotContain("\tat ");
	}

	@Test
	void printsUsage() {
		assertThat(run("--help")).isZero();
		assertThat(out.toString()).contains("serve", "worker", "user", "finance", "--production");
	}

	private static long tokenCount(String username) throws SQLException {
		try (Connection db = DriverManager.getConnection("jdbc:h2:mem:tower", "sa", "");
				PreparedStatement query = db.prepareStatement(
						"select count(*) from api_token t join account a on a.id = t.account_id where a.username = ?")) {
			query.setString(1, username);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** Read straight from the testing profile's in-memory database, which outlives the command in this JVM. */
	private static String storedScope(String username, String token) throws SQLException {
		try (Connection db = DriverManager.getConnection("jdbc:h2:mem:tower", "sa", "");
				PreparedStatement query = db.prepareStatement("select t.scope from api_token t join account a on a.id = t.account_id"
						+ " where a.username = ? and t.token_prefix = ?")) {
			query.setString(1, username);
			query.setString(2, token.substring(0, 10));
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("a token for " + username).isTrue();
				return row.getString(1);
			}
		}
	}

	/** {@code tower serve} on the testing profile with these Spring arguments; it must fail to start, and soon. */
	private int serve(String... springArgs) {
		return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> serveUntilStopped(springArgs), "tower serve started");
	}

	private int serveUntilStopped(String... springArgs) {
		List<String> args = new ArrayList<>(List.of("--profile", "testing", "serve", "--server.port=0",
				"--logging.level.org.springframework.boot.web=warn"));
		args.addAll(List.of(springArgs));
		PrintStream console = System.out;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			return run(args.toArray(String[]::new));
		}
		finally {
			System.setOut(console);
		}
	}

	private int run(String... args) {
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
		CommandLine cli = TowerCommand.commandLine(TowerApplication.class);
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		return cli.execute(args);
	}

}
