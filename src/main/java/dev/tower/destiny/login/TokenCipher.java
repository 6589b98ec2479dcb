package dev.tower.destiny.login;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts Bungie tokens at rest: AES-256-GCM with a random 96-bit nonce per value, under a key derived from
 * {@code TOWER_SECRET_KEY} with HKDF-SHA256. A value is Base64 of {@code version ‖ nonce ‖ ciphertext ‖ tag}; the
 * version byte names the key so it can rotate later. Each value is bound to its row and column (associated data),
 * so a ciphertext copied into another row or column does not decrypt.
 */
final class TokenCipher {

	static final byte VERSION = 1;

	private static final String INFO = "tower/destiny/bungie-tokens/v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private TokenCipher(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/** The cipher for {@code secret}, whatever its length (it is stretched, never used as a key directly). */
	static TokenCipher fromSecret(byte[] secret) {
		if (secret == null || secret.length == 0) {
			throw new IllegalArgumentException("an empty secret encrypts nothing");
		}
		return new TokenCipher(hkdfSha256(secret, "tower".getBytes(StandardCharsets.UTF_8),
				INFO.getBytes(StandardCharsets.UTF_8), 32));
	}

	String encrypt(String plain, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associated(context));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
			out.put(VERSION).put(nonce).put(sealed);
			return Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/**
	 * The plain value, or {@link UnreadableTokenException} when it was changed, belongs elsewhere, or was
	 * encrypted under another key.
	 */
	String decrypt(String stored, String context) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableTokenException("a stored token is not Base64");
		}
		if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
			throw new UnreadableTokenException("a stored token is too short");
		}
		if (bytes[0] != VERSION) {
			throw new UnreadableTokenException("a stored token was encrypted with key version " + bytes[0]);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
			cipher.updateAAD(associated(context));
			byte[] plain = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new UnreadableTokenException("a stored token fails its integrity check (changed, or another key)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	private static byte[] associated(String context) {
		return (INFO + "\n" + context).getBytes(StandardCharsets.UTF_8);
	}

	/** RFC 5869: extract with {@code salt}, expand with {@code info}. */
	static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			byte[] prk = mac.doFinal(ikm);
			mac.init(new SecretKeySpec(prk, "HmacSHA256"));
			byte[] okm = new byte[length];
			byte[] block = new byte[0];
			for (int i = 0, done = 0; done < length; i++) {
				mac.update(block);
				mac.update(info);
				mac.update((byte) (i + 1));
				block = mac.doFinal();
				int n = Math.min(block.length, length - done);
				System.arraycopy(block, 0, okm, done, n);
				done += n;
			}
			Arrays.fill(prk, (byte) 0);
			return okm;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	/** A stored token Tower cannot read back: the player has to log in with Bungie.net again. */
	static final class UnreadableTokenException extends RuntimeException {

		UnreadableTokenException(String message) {
			super(message);
		}

	}

}
