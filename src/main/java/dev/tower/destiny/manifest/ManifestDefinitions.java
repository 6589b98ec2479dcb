package dev.tower.destiny.manifest;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.jobs.Jobs;

/**
 * {@link Definitions} from the active manifest version, through the {@value #CACHE} cache (in memory, or Redis
 * when configured). Keys carry the version id, so an entry never outlives its version's meaning; the cache is
 * still cleared on every switch.
 */
@Component
class ManifestDefinitions implements Definitions {

	static final String CACHE = "destiny-definitions";

	/** An unknown hash starts a manifest check at most this often, across every process (a database timestamp). */
	static final Duration UNKNOWN_ITEM_CHECK_INTERVAL = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(ManifestDefinitions.class);

	private static final String ITEM_COLUMNS = "hash, name, icon, item_type_display_name, tier_type_name, tier_type, "
			+ "bucket_hash, class_type, default_damage_type_hash, redacted, equippable, max_stack_size, non_transferrable";

	private final JdbcClient jdbc;

	private final CacheManager caches;

	private final ManifestVersions versions;

	private final ObjectProvider<Jobs> jobs;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	ManifestDefinitions(JdbcClient jdbc, CacheManager caches, ManifestVersions versions, ObjectProvider<Jobs> jobs,
			JsonMapper json) {
		this.json = json;
		this.jdbc = jdbc;
		this.caches = caches;
		this.versions = versions;
		this.jobs = jobs;
	}

	/** The serving version as the cache holds it; id 0 when there is none. */
	record Active(long id, String versionKey) implements Serializable {

		static final Active NONE = new Active(0, null);

	}

	@Override
	public Optional<String> version() {
		return Optional.ofNullable(active().versionKey());
	}

	@Override
	public Optional<ItemDefinition> item(long hash) {
		return lookup("item", hash, "select " + ITEM_COLUMNS + " from manifest_item", ManifestDefinitions::item);
	}

	@Override
	public Map<Long, ItemDefinition> items(Collection<Long> hashes) {
		Active active = active();
		Map<Long, ItemDefinition> found = new HashMap<>();
		if (active.id() == 0 || hashes.isEmpty()) {
			return found;
		}
		Cache cache = cache();
		// A local cache answers hundreds of lookups in microseconds; Redis would take a round trip for each, so
		// there one query is faster.
		boolean local = cache.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?>;
		Set<Long> missing = new LinkedHashSet<>();
		for (Long signedOrNot : hashes) {
			long hash = signedOrNot & 0xFFFF_FFFFL;
			Cache.ValueWrapper cached = local ? cache.get(key("item", active, hash)) : null;
			if (cached == null) {
				missing.add(hash);
			}
			else if (cached.get() instanceof ItemDefinition item) {
				found.put(hash, item);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		List<Long> wanted = new ArrayList<>(missing);
		for (int from = 0; from < wanted.size(); from += 1000) {
			List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + 1000));
			List<ItemDefinition> items = jdbc.sql("select " + ITEM_COLUMNS
					+ " from manifest_item where version_id = :version and hash in (:hashes)")
				.param("version", active.id())
				.param("hashes", chunk)
				.query(ManifestDefinitions::item)
				.list();
			items.forEach(item -> found.put(item.hash(), item));
		}
		if (local) {
			missing.forEach(hash -> cache.put(key("item", active, hash), found.get(hash)));
		}
		return found;
	}

	@Override
	public Optional<BucketDefinition> bucket(long hash) {
		return lookup("bucket", hash, "select hash, name, category, bucket_order, location, item_count, "
				+ "has_transfer_destination from manifest_bucket",
				(rs, n) -> new BucketDefinition(rs.getLong("hash"), rs.getString("name"), rs.getInt("category"),
						rs.getInt("bucket_order"), rs.getInt("location"), rs.getInt("item_count"),
						rs.getBoolean("has_transfer_destination")));
	}

	@Override
	public Optional<DamageTypeDefinition> damageType(long hash) {
		return lookup("damage-type", hash, "select hash, name, icon, enum_value from manifest_damage_type",
				(rs, n) -> new DamageTypeDefinition(rs.getLong("hash"), rs.getString("name"), rs.getString("icon"),
						rs.getInt("enum_value")));
	}

	@Override
	public Optional<ClassDefinition> characterClass(long hash) {
		return lookup("class", hash, "select hash, name, class_type from manifest_class",
				(rs, n) -> new ClassDefinition(rs.getLong("hash"), rs.getString("name"), rs.getInt("class_type")));
	}

	@Override
	public Optional<StatDefinition> stat(long hash) {
		return lookup("stat", hash, "select hash, name, icon from manifest_stat",
				(rs, n) -> new StatDefinition(rs.getLong("hash"), rs.getString("name"), rs.getString("icon")));
	}

	@Override
	public Optional<VendorDefinition> vendor(long hash) {
		return lookup("vendor", hash, "select hash, name, subtitle, icon, definition from manifest_vendor",
				(rs, n) -> VendorDefinition.of(rs.getLong("hash"), rs.getString("name"), rs.getString("subtitle"),
						rs.getString("icon"), json.readTree(rs.getString("definition"))));
	}

	@Override
	public Optional<DestinationDefinition> destination(long hash) {
		// The place's name in the same row; the outer version_id and hash (added by lookup) are the destination's.
		return lookup("destination", hash, "select hash, name, (select p.name from manifest_place p "
				+ "where p.version_id = d.version_id and p.hash = d.place_hash) as place from manifest_destination d",
				(rs, n) -> new DestinationDefinition(rs.getLong("hash"), rs.getString("name"), rs.getString("place")));
	}

	@Override
	public Optional<ItemDetailDefinition> itemDetail(long hash) {
		return lookup("item-detail", hash, "select hash, definition from manifest_item",
				(rs, n) -> ItemDetailDefinition.of(rs.getLong("hash"), json.readTree(rs.getString("definition"))));
	}

	@Override
	public Optional<StatGroupDefinition> statGroup(long hash) {
		return lookup("stat-group", hash, "select hash, definition from manifest_stat_group",
				(rs, n) -> StatGroupDefinition.of(rs.getLong("hash"), json.readTree(rs.getString("definition"))));
	}

	@Override
	public Optional<SocketCategoryDefinition> socketCategory(long hash) {
		return lookup("socket-category", hash, "select hash, name from manifest_socket_category",
				(rs, n) -> new SocketCategoryDefinition(rs.getLong("hash"), rs.getString("name")));
	}

	@Override
	public void unknownItem(long hash) {
		Instant now = clock.instant();
		if (versions.claimUnknownItemCheck(now, now.minus(UNKNOWN_ITEM_CHECK_INTERVAL))) {
			log.info("Item {} is not in the manifest: checking for a newer one", hash & 0xFFFF_FFFFL);
			jobs.getObject().start(ManifestTask.NAME);
		}
	}

	/** A new version serves: forget what was cached for the old one. */
	void switched() {
		cache().clear();
	}

	private <T> Optional<T> lookup(String kind, long hash, String select, RowMapper<T> mapper) {
		Active active = active();
		if (active.id() == 0) {
			return Optional.empty();
		}
		long unsigned = hash & 0xFFFF_FFFFL;
		T value = cache().get(key(kind, active, unsigned), () -> jdbc.sql(select + " where version_id = :version and hash = :hash")
			.param("version", active.id())
			.param("hash", unsigned)
			.query(mapper)
			.optional()
			.orElse(null));
		return Optional.ofNullable(value);
	}

	private Active active() {
		Active active = cache().get("active", () -> versions.active()
			.map(version -> new Active(version.id(), version.versionKey()))
			.orElse(Active.NONE));
		return active == null ? Active.NONE : active;
	}

	private Cache cache() {
		Cache cache = caches.getCache(CACHE);
		if (cache == null) {
			throw new IllegalStateException("no cache named " + CACHE + ": add it to spring.cache.cache-names");
		}
		return cache;
	}

	private static String key(String kind, Active active, long hash) {
		return kind + ":" + active.id() + ":" + (hash & 0xFFFF_FFFFL);
	}

	private static ItemDefinition item(ResultSet rs, int row) throws SQLException {
		return new ItemDefinition(rs.getLong("hash"), rs.getString("name"), rs.getString("icon"),
				rs.getString("item_type_display_name"), rs.getString("tier_type_name"), rs.getInt("tier_type"),
				rs.getLong("bucket_hash"), rs.getInt("class_type"), rs.getLong("default_damage_type_hash"),
				rs.getBoolean("redacted"), rs.getBoolean("equippable"), rs.getInt("max_stack_size"),
				rs.getBoolean("non_transferrable"));
	}

}
