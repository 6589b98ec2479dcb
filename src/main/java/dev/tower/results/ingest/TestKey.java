package dev.tower.results.ingest;

/**
 * The identity of a test across runs: a 64-bit FNV-1a hash of its class name and name. Stable across JVMs and
 * versions, cheap enough for 50,000 cases a second, and wide enough that collisions are negligible.
 */
final class TestKey {

	private static final long OFFSET = 0xcbf29ce484222325L;

	private static final long PRIME = 0x100000001b3L;

	private TestKey() {
	}

	static long of(String className, String name) {
		long hash = OFFSET;
		hash = mix(hash, className);
		hash = (hash ^ 0xFFFF) * PRIME; // separator, so ("a.b", "c") and ("a", "b.c") differ
		return mix(hash, name);
	}

	private static long mix(long hash, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			hash = (hash ^ (c & 0xFF)) * PRIME;
			hash = (hash ^ (c >>> 8)) * PRIME;
		}
		return hash;
	}

}
