package dev.tower.results.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.results.Reports;
import dev.tower.results.ResultsAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Test machines push reports over HTTP: what goes in, and what is refused with nothing written. */
@TowerTest
@TestPropertySource(properties = { "tower.results.max-upload-size=1MB", "tower.results.max-upload-expanded=64MB" })
class ResultsUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcClient jdbc;

	String token;

	@BeforeEach
	void aMachineWithAToken() {
		accounts.create("ci-bot", "ci-kettle-harbour-1", false);
		token = tokens.issue("ci-bot", "build farm", ResultsAccess.UPLOAD).secret();
	}

	@Test
	void aSingleReportGoesIntoItsRun() throws Exception {
		upload("application/xml", xml(Reports.report("com.acme.CartTest", 10, 2, 1)), "run=nightly-7&host=build-9&site=lab")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files[0].status").value("INGESTED"))
			.andExpect(jsonPath("$.files[0].counts.tests").value(13))
			.andExpect(jsonPath("$.files[0].counts.failures").value(2))
			.andExpect(jsonPath("$.runUrl").value(containsString("/results/runs/")));

		assertThat(jdbc.sql("select name, owner, site from test_run").query().singleRow())
			.containsEntry("name", "nightly-7").containsEntry("owner", "ci-bot").containsEntry("site", "lab");
		assertThat(jdbc.sql("select host from result_file").query(String.class).single()).isEqualTo("build-9");
		assertThat(count("test_case")).isEqualTo(13);
	}

	@Test
	void gzipAndZipUploadsAreUnpackedAndEachReportStandsOnItsOwn() throws Exception {
		upload("application/gzip", gzip(Reports.report("com.acme.GzTest", 3, 0, 0)), "run=r1")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files[0].counts.tests").value(3));

		byte[] zip = zip("TEST-a.xml", Reports.report("com.acme.ATest", 4, 0, 0),
				"reports/TEST-b.xml.gz", gzip(Reports.report("com.acme.BTest", 5, 1, 0)),
				"TEST-broken.xml", xml("<testsuite><testcase name=\"x\">"),
				"README.txt", xml("ignored"));
		upload("application/zip", zip, "run=r1&file=results.zip")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files.length()").value(3))
			.andExpect(jsonPath("$.files[0].file").value("results.zip!/TEST-a.xml"))
			.andExpect(jsonPath("$.files[1].counts.tests").value(6))
			.andExpect(jsonPath("$.files[2].status").value("REJECTED"))
			.andExpect(jsonPath("$.files[2].reason").value(containsString("line")));

		assertThat(count("test_case")).isEqualTo(3 + 4 + 6);
		assertThat(count("result_file")).isEqualTo(3);
	}

	@Test
	void aMalformedReportIsRefusedWithItsReasonAndNothingWritten() throws Exception {
		upload("application/xml", xml("<testsuite name=\"x\"><testcase name=\"a\">"), "run=r2")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("Nothing was stored")));
		upload("application/xml", xml("<html><body>502 Bad Gateway</body></html>"), "run=r2")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("html")));
		upload("application/zip", xml("PK\u0003\u0004 this is not really a zip"), "run=r2")
			.andExpect(status().isBadRequest());
		upload("application/gzip", new byte[] { 0x1f, (byte) 0x8b, 1, 2, 3 }, "run=r2")
			.andExpect(status().is4xxClientError());

		assertThat(count("test_run") + count("result_file") + count("test_suite") + count("test_case")).isZero();
	}

	@Test
	void anEntityExpansionOrExternalEntityIsRefused() throws Exception {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<testsuite name="x"><testcase name="&secret;"/></testsuite>""";

		upload("application/xml", xml(xxe), "run=r3")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("DOCTYPE")));

		assertThat(count("test_case")).isZero();
	}

	@Test
	void anUploadOverTheLimitIsRefusedWhileReading() throws Exception {
		byte[] big = xml(Reports.report("com.acme.BigTest", 15_000, 0, 0));
		assertThat(big.length).isGreaterThan(1024 * 1024);

		upload("application/xml", big, "run=r4")
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("limit")));

		assertThat(count("test_run")).isZero();
	}

	@Test
	void aZipBombIsRefusedBeforeAnyOfItIsWrittenOut() throws Exception {
		byte[] bomb = zip("TEST-ok.xml", Reports.report("com.acme.OkTest", 2, 0, 0),
				"TEST-zeros-1.xml", new byte[60 << 20], "TEST-zeros-2.xml", new byte[60 << 20], "TEST-zeros-3.xml", new byte[60 << 20]);
		assertThat(bomb.length).isLessThan(1 << 20);
		long writtenBefore = bytesWrittenByThisProcess();

		upload("application/zip", bomb, "run=bomb&file=bomb.zip")
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("expands to more than this server's limit of 64 MB")))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was stored")));

		assertThat(bytesWrittenByThisProcess() - writtenBefore).isLessThan(100L << 20);
		assertThat(count("test_run") + count("result_file") + count("test_case")).isZero();
	}

	@Test
	void aGzipThatExpandsPastTheLimitIsRefused() throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(bytes)) {
			gzip.write(new byte[100 << 20]);
		}

		upload("application/gzip", bytes.toByteArray(), "run=gz-bomb")
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("max-upload-expanded")));

		assertThat(count("test_run")).isZero();
	}

	@Test
	void badRunDetailsAndFormBodiesAreRefused() throws Exception {
		byte[] report = xml(Reports.report("com.acme.T", 1, 0, 0));
		upload("application/xml", report, "site=lab").andExpect(status().isBadRequest());
		upload("application/xml", report, "run=" + "x".repeat(300)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("longer than 255")));
		upload("application/x-www-form-urlencoded", report, "run=r5").andExpect(status().isUnsupportedMediaType());
		mvc.perform(post("/api/v1/results?run=r5").contentType("application/xml").content(report))
			.andExpect(status().is(org.hamcrest.Matchers.oneOf(401, 403)));

		assertThat(count("test_run")).isZero();
	}

	@Test
	void anUploadTokenUploadsButReadsNothing() throws Exception {
		upload("application/xml", xml(Reports.report("com.acme.T", 1, 0, 0)), "run=r6").andExpect(status().isOk());

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/results/runs")
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("only upload")));
	}

	@Test
	void injectionStringsAreStoredAsText() throws Exception {
		String name = "x'); drop table test_case; --";
		mvc.perform(post("/api/v1/results").queryParam("run", name).header("Authorization", "Bearer " + token)
			.contentType("application/xml").content(xml(Reports.report("com.acme.T", 1, 0, 0))))
			.andExpect(status().isOk());

		assertThat(jdbc.sql("select name from test_run").query(String.class).single()).isEqualTo(name);
		assertThat(count("test_case")).isEqualTo(1);
	}

	private org.springframework.test.web.servlet.ResultActions upload(String contentType, byte[] body, String query) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/v1/results?" + query).header("Authorization", "Bearer " + token)
			.contentType(contentType)
			.content(body);
		return mvc.perform(request);
	}

	/** What this JVM has written, to files, sockets and pipes alike, as Linux counts it. */
	static long bytesWrittenByThisProcess() throws java.io.IOException {
		return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/io")).stream()
			.filter(line -> line.startsWith("wchar:"))
			.mapToLong(line -> Long.parseLong(line.substring("wchar:".length()).strip()))
			.findFirst()
			.orElseThrow();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static byte[] xml(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(String text) throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(bytes)) {
			gzip.write(xml(text));
		}
		return bytes.toByteArray();
	}

	/** name, content (String or byte[]) pairs. */
	private static byte[] zip(Object... entries) throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < entries.length; i += 2) {
				zip.putNextEntry(new ZipEntry((String) entries[i]));
				zip.write(entries[i + 1] instanceof byte[] b ? b : xml((String) entries[i + 1]));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
