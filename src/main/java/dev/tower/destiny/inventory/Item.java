package dev.tower.destiny.inventory;

/**
 * An item as the board shows it: Bungie's item decoded through the manifest. A Classified item (a hash the manifest
 * does not know, or a redacted definition) has {@code classified} set, a placeholder name and no icon.
 *
 * @param key unique on the board: the instance id, or owner and hash for a stack
 * @param owner {@code vault}, {@code account} (account-wide, outside the vault) or a character id
 * @param bucketHash the slot it belongs in (the definition's bucket), or 0 when Classified
 * @param power 0 when it has no power
 * @param damage damage type name ("Solar"), or null
 * @param classType 0 Titan, 1 Hunter, 2 Warlock, 3 any
 */
public record Item(String key, String instanceId, long hash, String name, String icon, String type, Tier tier,
		long bucketHash, String bucketName, int power, String damage, String damageIcon, boolean locked,
		boolean masterwork, boolean equipped, int quantity, int maxStackSize, int classType, String owner,
		boolean postmaster, boolean classified, boolean equippable, boolean transferable) {

	static final String VAULT = "vault";

	static final String ACCOUNT = "account";

	public String tierCss() {
		return tier.css();
	}

	public String tierLabel() {
		return tier.label();
	}

	public boolean exotic() {
		return tier == Tier.EXOTIC;
	}

	public String className() {
		return Guardians.className(classType);
	}

	public boolean stackable() {
		return instanceId == null;
	}

	public boolean inVault() {
		return VAULT.equals(owner);
	}

}
