package dev.tower.destiny.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretTests {

	@TempDir
	Path data;

	@Test
	void theConfiguredSecretKeyIsUsedAndNoFileIsMade() {
		Path file = data.resolve("tower-secret.key");
		TokenSecret secret = new TokenSecret("the configured secret", file, profile("production"));
		TokenCipher same = TokenCipher.fromSecret("the configured secret".getBytes());

		String sealed = secret.cipher().orElseThrow().encrypt("token", "access:1");

		assertThat(same.decrypt(sealed, "access:1")).isEqualTo("token");
		assertThat(file).doesNotExist();
	}

	@Test
	void developmentMakesAKeyOnceInAFileOnlyItsOwnerReads() throws Exception {
		Path file = data.resolve("data/tower-secret.key");
		String sealed = new TokenSecret("", file, profile("development")).cipher().orElseThrow().encrypt("token", "a");

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		TokenSecret afterARestart = new TokenSecret("", file, profile("development"));
		assertThat(afterARestart.cipher().orElseThrow().decrypt(sealed, "a")).isEqualTo("token");
	}

	@Test
	void nothingIsMadeBeforeATokenIsStored() {
		Path file = data.resolve("tower-secret.key");
		TokenSecret secret = new TokenSecret("", file, profile("development"));

		assertThat(secret.available()).isTrue();
		assertThat(file).doesNotExist();
	}

	@Test
	void otherProfilesWithoutAKeyStoreNoTokens() {
		TokenSecret secret = new TokenSecret(" ", data.resolve("k"), profile("testing"));

		assertThat(secret.available()).isFalse();
		assertThat(secret.cipher()).isEmpty();
	}

	private static MockEnvironment profile(String name) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(name);
		return environment;
	}

}
