package dev.tower.destiny.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.tower.destiny.login.TokenCipher.UnreadableTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTests {

	private final TokenCipher cipher = TokenCipher.fromSecret("a long and random secret".getBytes(StandardCharsets.UTF_8));

	@Test
	void whatIsEncryptedDecryptsBackInItsOwnPlace() {
		String sealed = cipher.encrypt("CKWcAQ-access-token", "access:4611");

		assertThat(sealed).doesNotContain("CKWcAQ");
		assertThat(cipher.decrypt(sealed, "access:4611")).isEqualTo("CKWcAQ-access-token");
	}

	@Test
	void eachValueHasItsOwnNonceAndCarriesTheKeyVersion() {
		byte[] first = Base64.getDecoder().decode(cipher.encrypt("same", "access:1"));
		byte[] second = Base64.getDecoder().decode(cipher.encrypt("same", "access:1"));

		assertThat(first[0]).isEqualTo(TokenCipher.VERSION);
		assertThat(first).hasSize(1 + 12 + 4 + 16).isNotEqualTo(second);
	}

	@Test
	void anyChangedByteIsDetected() {
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("refresh-token", "refresh:1"));
		for (int i = 1; i < sealed.length; i++) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 0x01;
			String stored = Base64.getEncoder().encodeToString(tampered);
			assertThatThrownBy(() -> cipher.decrypt(stored, "refresh:1")).as("byte %d", i)
				.isInstanceOf(UnreadableTokenException.class);
		}
	}

	@Test
	void aValueMovedToAnotherRowOrColumnDoesNotDecrypt() {
		String sealed = cipher.encrypt("token", "access:1");

		assertThatThrownBy(() -> cipher.decrypt(sealed, "refresh:1")).isInstanceOf(UnreadableTokenException.class);
		assertThatThrownBy(() -> cipher.decrypt(sealed, "access:2")).isInstanceOf(UnreadableTokenException.class);
	}

	@Test
	void anotherKeyOrAnUnknownVersionOrGarbageIsUnreadableNotACrash() {
		String sealed = cipher.encrypt("token", "access:1");
		TokenCipher other = TokenCipher.fromSecret("another secret".getBytes(StandardCharsets.UTF_8));
		byte[] bytes = Base64.getDecoder().decode(sealed);
		bytes[0] = 2;

		assertThatThrownBy(() -> other.decrypt(sealed, "access:1")).isInstanceOf(UnreadableTokenException.class);
		assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(bytes), "access:1"))
			.isInstanceOf(UnreadableTokenException.class)
			.hasMessageContaining("key version 2");
		assertThatThrownBy(() -> cipher.decrypt("not base64!", "access:1")).isInstanceOf(UnreadableTokenException.class);
		assertThatThrownBy(() -> cipher.decrypt("AQID", "access:1")).isInstanceOf(UnreadableTokenException.class);
	}

	@Test
	void theKeyIsDerivedWithHkdfSha256() {
		// RFC 5869, test case 1.
		HexFormat hex = HexFormat.of();
		byte[] okm = TokenCipher.hkdfSha256(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
				hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

		assertThat(hex.formatHex(okm)).isEqualTo(
				"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
	}

}
