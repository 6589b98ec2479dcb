package dev.tower.destiny.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.manifest.Definitions;

/**
 * Each guardian's board: one profile fetch, decoded once, kept for {@link #FRESH} so page views and actions in
 * between do not ask Bungie again; forgotten after every action so the next view shows the result.
 */
@Service
public class Inventories {

	static final Duration FRESH = Duration.ofSeconds(30);

	private static final int MAX_CACHED = 2_000;

	private final DestinyApi api;

	private final Definitions definitions;

	private final String iconBase;

	private final Clock clock;

	private final Map<String, Cached> boards = new ConcurrentHashMap<>();

	@Autowired
	Inventories(DestinyApi api, Definitions definitions, BungieProperties bungie) {
		this(api, definitions, bungie, Clock.systemUTC());
	}

	Inventories(DestinyApi api, Definitions definitions, BungieProperties bungie, Clock clock) {
		this.api = api;
		this.definitions = definitions;
		// Demo icons are Tower's own files; a real manifest's are paths under Bungie.net.
		this.iconBase = bungie.configured() ? bungie.baseUrl().toString() : "";
		this.clock = clock;
	}

	public Board board(Guardian guardian) {
		Instant now = clock.instant();
		Cached cached = boards.get(guardian.key());
		if (cached != null && cached.until().isAfter(now)) {
			return cached.board();
		}
		Board board = decode(api.profile(guardian), guardian.demo());
		if (boards.size() >= MAX_CACHED) {
			boards.values().removeIf(c -> !c.until().isAfter(now));
		}
		boards.put(guardian.key(), new Cached(board, now.plus(FRESH)));
		return board;
	}

	public void forget(Guardian guardian) {
		boards.remove(guardian.key());
	}

	Board decode(tools.jackson.databind.JsonNode profile, boolean demo) {
		return decoder().decode(ProfileReader.read(profile), demo);
	}

	InventoryDecoder decoder() {
		return new InventoryDecoder(definitions, iconBase);
	}

	private record Cached(Board board, Instant until) {
	}

}
