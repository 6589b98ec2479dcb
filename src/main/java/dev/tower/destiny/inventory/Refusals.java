package dev.tower.destiny.inventory;

import dev.tower.destiny.bungie.BungieException;

/** Bungie's refusals, in words a player can act on. */
final class Refusals {

	private Refusals() {
	}

	/**
	 * @param item the item's name
	 * @param destination where it was going ("the vault", "Hunter")
	 */
	static String message(BungieException ex, String item, String destination) {
		return switch (ex.kind()) {
			case MAINTENANCE -> "Bungie.net is down for maintenance: " + item + " was not moved. Try again later.";
			case THROTTLED -> "Bungie.net asks us to slow down: " + item + " was not moved. Try again in a few seconds.";
			case UNAUTHORIZED -> "Your Bungie.net login has expired: log in again, then retry.";
			case UNAVAILABLE -> "Bungie.net did not answer: " + item + " was not moved. Try again shortly.";
			case REFUSED -> refusal(ex, item, destination);
		};
	}

	private static String refusal(BungieException ex, String item, String destination) {
		String status = ex.errorStatus() == null ? "" : ex.errorStatus();
		return switch (status) {
			case "DestinyNoRoomInDestination", "DestinyInventoryFull", "DestinyClaimsNoInventorySpace" ->
				"There is no room for " + item + " in " + destination + ": make space there first.";
			case "DestinyItemUniqueEquipRestricted", "DestinyUniquenessViolation" ->
				item + " cannot be equipped alongside the other exotic: only one exotic weapon and one exotic armour piece "
						+ "can be worn at a time. Equip a non-exotic in that slot first.";
			case "DestinyCannotPerformActionAtThisLocation" ->
				"Destiny does not allow that for " + item + " where it is now (the postmaster, or an activity in progress). "
						+ "Try again from orbit or a social space.";
			case "DestinyCanOnlyEquipInGame", "DestinyCharacterNotInTower", "DestinyCharacterLoggedInNotAllowed" ->
				"Destiny does not allow equipping " + item + " right now: try again from orbit or a social space.";
			case "DestinyItemNotTransferrable", "DestinyItemNotTransferrableHasSideEffects" ->
				item + " cannot be transferred: it stays with the character that has it.";
			case "DestinyCannotPerformActionOnEquippedItem" ->
				item + " is equipped: equip something else in its slot first.";
			case "DestinyItemNotFound", "DestinyItemBucketNotFound" ->
				item + " is no longer where the board showed it (moved in the game?). The board has been refreshed.";
			case "DestinyItemActionForbidden" -> item + " cannot be equipped by " + destination + ".";
			case "DestinyCharacterNotFound" -> destination + " no longer exists. The board has been refreshed.";
			case "DestinyItemLocked" -> item + " is locked.";
			default -> "Bungie.net refused to move " + item + ": " + ex.getMessage();
		};
	}

}
