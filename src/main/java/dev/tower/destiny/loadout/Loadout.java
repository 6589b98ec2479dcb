package dev.tower.destiny.loadout;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A named set of weapons and armour, saved from what a character wore.
 *
 * @param classType the class that can wear it (0 Titan, 1 Hunter, 2 Warlock), or 3 when nothing in it is
 * class-restricted
 */
record Loadout(long id, String name, int classType, List<LoadoutItem> items, Instant createdAt) {

	static final int MAX_NAME = 60;

	Loadout {
		items = List.copyOf(items);
	}

	/** One saved item: its instance, and the name it had, to say which one is missing once it is gone. */
	record LoadoutItem(String instanceId, long hash, long bucketHash, String name) {
	}

	/**
	 * A loadout name as stored: trimmed, not blank, at most {@value #MAX_NAME} characters.
	 * @throws LoadoutException (400) otherwise
	 */
	static String name(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw new LoadoutException(HttpStatus.BAD_REQUEST, "Name the loadout: the name is blank.");
		}
		if (trimmed.length() > MAX_NAME) {
			throw new LoadoutException(HttpStatus.BAD_REQUEST,
					"A loadout name has at most " + MAX_NAME + " characters; this one has " + trimmed.length() + ".");
		}
		if (trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new LoadoutException(HttpStatus.BAD_REQUEST, "A loadout name cannot contain control characters.");
		}
		return trimmed;
	}

}
