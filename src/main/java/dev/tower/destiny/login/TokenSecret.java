package dev.tower.destiny.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Where the key for stored Bungie tokens comes from: {@code TOWER_SECRET_KEY} ({@code tower.secret-key}, which
 * production requires). The development profile, which needs no configuration, makes a random one instead, once,
 * in a file under {@code ./data/} that only its owner can read, so logins survive restarts. Any other profile
 * without a key has none: Bungie.net login is then refused with a message saying why.
 */
@Component
class TokenSecret {

	private static final Logger log = LoggerFactory.getLogger(TokenSecret.class);

	private final String secret;

	private final Path developmentKeyFile;

	private final boolean development;

	private volatile TokenCipher cipher;

	TokenSecret(@Value("${tower.secret-key:}") String secret,
			@Value("${tower.destiny.development-key-file:./data/tower-secret.key}") Path developmentKeyFile,
			Environment environment) {
		this.secret = secret;
		this.developmentKeyFile = developmentKeyFile;
		this.development = environment.acceptsProfiles(Profiles.of("development"));
	}

	/** Whether tokens can be stored at all. */
	boolean available() {
		return !secret.isBlank() || development;
	}

	/** The cipher, or empty when there is no key (see {@link #available()}). Made on first use, not at start-up. */
	Optional<TokenCipher> cipher() {
		if (!available()) {
			return Optional.empty();
		}
		TokenCipher made = cipher;
		if (made == null) {
			synchronized (this) {
				made = cipher;
				if (made == null) {
					made = TokenCipher.fromSecret(secret.isBlank() ? developmentSecret()
							: secret.getBytes(StandardCharsets.UTF_8));
					cipher = made;
				}
			}
		}
		return Optional.of(made);
	}

	private byte[] developmentSecret() {
		try {
			if (!Files.exists(developmentKeyFile)) {
				create();
			}
			return Base64.getDecoder().decode(Files.readString(developmentKeyFile).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the development key file " + developmentKeyFile, ex);
		}
	}

	private void create() throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Path directory = developmentKeyFile.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		// Written whole under another name, then moved into place: another process never reads half a key.
		Path partial = Files.createTempFile(directory, "tower-secret", ".partial");
		try {
			ownerOnly(partial);
			Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n");
			Files.move(partial, developmentKeyFile);
			log.info("Made a random key for stored Bungie.net tokens in {} (development only: set TOWER_SECRET_KEY "
					+ "in production)", developmentKeyFile);
		}
		catch (FileAlreadyExistsException ex) {
			// another process made it first: use theirs
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the user's profile directory protects it
		}
	}

}
