package dev.tower.destiny.loadout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code destiny_loadout} tables: each account's loadouts, their items in the order they were worn. */
@Repository
class LoadoutStore {

	private final JdbcClient jdbc;

	LoadoutStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Loadout> list(long accountId) {
		Map<Long, List<Loadout.LoadoutItem>> items = new LinkedHashMap<>();
		jdbc.sql("""
				select i.loadout_id, i.instance_id, i.item_hash, i.bucket_hash, i.name from destiny_loadout_item i
				join destiny_loadout l on l.id = i.loadout_id where l.account_id = ? order by i.loadout_id, i.position""")
			.param(accountId)
			.query((rs, n) -> items.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new Loadout.LoadoutItem(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5))))
			.list();
		return jdbc.sql("select id, name, class_type, created_at from destiny_loadout where account_id = ? "
				+ "order by name_key, id")
			.param(accountId)
			.query((rs, n) -> new Loadout(rs.getLong(1), rs.getString(2), rs.getInt(3),
					items.getOrDefault(rs.getLong(1), List.of()), rs.getTimestamp(4).toInstant()))
			.list();
	}

	Optional<Loadout> find(long accountId, long id) {
		return list(accountId).stream().filter(l -> l.id() == id).findFirst();
	}

	@Transactional
	Loadout create(long accountId, String name, int classType, List<Loadout.LoadoutItem> items) {
		Instant now = Instant.now();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into destiny_loadout (account_id, name, name_key, class_type, created_at) values (?, ?, ?, ?, ?)")
				.params(accountId, name, key(name), classType, Timestamp.from(now))
				.update(key, "id");
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(name);
		}
		long id = key.getKey().longValue();
		for (int i = 0; i < items.size(); i++) {
			Loadout.LoadoutItem item = items.get(i);
			jdbc.sql("insert into destiny_loadout_item (loadout_id, position, instance_id, item_hash, bucket_hash, name) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(id, i, item.instanceId(), item.hash(), item.bucketHash(), item.name())
				.update();
		}
		return new Loadout(id, name, classType, items, now);
	}

	/** @return false when the account has no such loadout */
	boolean rename(long accountId, long id, String name) {
		try {
			return jdbc.sql("update destiny_loadout set name = ?, name_key = ? where id = ? and account_id = ?")
				.params(name, key(name), id, accountId)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(name);
		}
	}

	/** @return false when the account has no such loadout */
	boolean delete(long accountId, long id) {
		return jdbc.sql("delete from destiny_loadout where id = ? and account_id = ?").params(id, accountId).update() == 1;
	}

	/** What makes two names the same name: case does not count, whatever the database's locale. */
	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static LoadoutException duplicate(String name) {
		return new LoadoutException(HttpStatus.CONFLICT,
				"You already have a loadout named “" + name + "”: choose another name, or delete that one first.");
	}

}
