package dev.tower.destiny.manifest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The active manifest version's definitions, as the pages need them. Lookups are cached. An item hash the manifest
 * does not know is not an error: callers show it as Classified (and {@link #unknownItem} lets a manifest check
 * catch up, at most once per five minutes).
 */
public interface Definitions {

	/** The active version (the English item table's path), or empty before the first manifest is in. */
	Optional<String> version();

	Optional<ItemDefinition> item(long hash);

	/**
	 * Many items at once, as a page needs them (a vault is hundreds): the known ones by hash; a hash missing from
	 * the answer is unknown (keys are unsigned). The implementation answers from its cache or with one query.
	 */
	default Map<Long, ItemDefinition> items(Collection<Long> hashes) {
		Map<Long, ItemDefinition> found = new LinkedHashMap<>();
		for (Long hash : hashes) {
			item(hash).ifPresent(item -> found.put(item.hash(), item));
		}
		return found;
	}

	Optional<BucketDefinition> bucket(long hash);

	Optional<DamageTypeDefinition> damageType(long hash);

	Optional<ClassDefinition> characterClass(long hash);

	Optional<StatDefinition> stat(long hash);

	Optional<VendorDefinition> vendor(long hash);

	/** A destination, with its place's name: where a vendor is. */
	Optional<DestinationDefinition> destination(long hash);

	/** The item window's part of an item (or plug) definition: description, stat group, sockets, plug category. */
	Optional<ItemDetailDefinition> itemDetail(long hash);

	Optional<StatGroupDefinition> statGroup(long hash);

	Optional<SocketCategoryDefinition> socketCategory(long hash);

	/** An item hash was met that {@link #item} does not know: a newer manifest may be out. */
	void unknownItem(long hash);

}
