package dev.tower.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.tower.TowerApplication;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development's H2 file on a disk that fills up and is then freed: writes are refused with 507, reads go on, and
 * the node recovers without a restart.
 */
class FullDiskTests {

	@TempDir
	static Path data;

	/** HikariCP's default. */
	static final int POOL_SIZE = 10;

	static ConfigurableApplicationContext node;

	static String token;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		FillableDisk.register();
		node = new SpringApplicationBuilder(TowerApplication.class).profiles("testing")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:fillable:" + data.resolve("tower")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
					// Expected while the disk is full: each pooled connection found broken, the failed statements
					// and rollbacks, one line per refused request.
					"--logging.level.com.zaxxer.hikari=off", "--logging.level.org.hibernate.orm.jdbc.error=off",
					"--logging.level.org.springframework.transaction.interceptor=off",
					"--logging.level.org.springframework.orm.jpa=off", "--logging.level.dev.tower.web=error");
		node.getBean(AccountService.class).create("dora", "dora-kettle-harbour", true);
		token = node.getBean(ApiTokenService.class).issue("dora", "disk", TokenScope.API).secret();
	}

	@AfterAll
	static void stop() {
		FillableDisk.free();
		node.close();
	}

	@Test
	void aFullDiskRefusesWritesKeepsReadsAndRecoversWhenFreed() throws Exception {
		assertThat(create("Acme").statusCode()).isEqualTo(201);

		FillableDisk.fill();
		HttpResponse<String> refused = create("Globex");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("disk");
		// H2 closed the database on the failed write: each pooled connection fails once (503) and is replaced by
		// one that opens the file again, so reads come back while the disk is still full.
		HttpResponse<String> read = get("/api/v1/companies");
		for (int i = 0; i < POOL_SIZE && read.statusCode() == 503; i++) {
			read = get("/api/v1/companies");
		}
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).contains("Acme").doesNotContain("Globex");

		FillableDisk.free();
		HttpResponse<String> created = create("Initech");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(get("/api/v1/companies").body()).contains("Acme", "Initech").doesNotContain("Globex");
	}

	private HttpResponse<String> create(String name) throws Exception {
		return http.send(request("/api/v1/companies").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"ceo\":\"c\",\"businessType\":\"Retail\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json");
	}

}
