package dev.tower.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.tower.TowerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as an operator uses it: same jar, same data layer, no web server. */
class TowerCommandTests {

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	final InputStream stdin = System.in;

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

	private int run(String... args) {
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
		CommandLine cli = TowerCommand.commandLine(TowerApplication.class);
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		return cli.execute(args);
	}

}
