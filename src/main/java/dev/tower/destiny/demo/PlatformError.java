package dev.tower.destiny.demo;

import tools.jackson.databind.node.ObjectNode;

import dev.tower.destiny.bungie.Envelope;

/**
 * The {@code PlatformErrorCodes} the simulated Bungie.net answers with: Bungie's number, its name (the envelope's
 * {@code ErrorStatus}) and Bungie's wording. {@code BungieSpecConformanceTests} holds them to Bungie's specification.
 */
public enum PlatformError {

	INVALID_PARAMETERS(18, "InvalidParameters", "The parameters of this request are not valid."),
	CHARACTER_NOT_FOUND(1620, "DestinyCharacterNotFound", "The character you are looking for was not found."),
	ITEM_NOT_FOUND(1623, "DestinyItemNotFound", "The item requested was not found."),
	VENDOR_NOT_FOUND(1627, "DestinyVendorNotFound", "The Vendor you were looking for was not found."),
	UNIQUE_EQUIP_RESTRICTED(1641, "DestinyItemUniqueEquipRestricted",
			"You cannot equip more than one exotic of this kind."),
	NO_ROOM_IN_DESTINATION(1642, "DestinyNoRoomInDestination",
			"There are no item slots available to transfer this item."),
	EQUIPPED_ITEM(1656, "DestinyCannotPerformActionOnEquippedItem",
			"You cannot perform this action on an equipped item."),
	NOT_TRANSFERRABLE(1660, "DestinyItemNotTransferrable", "This item cannot be transferred."),
	ACTION_FORBIDDEN(1663, "DestinyItemActionForbidden", "This item cannot be equipped."),
	NOT_AT_THIS_LOCATION(1671, "DestinyCannotPerformActionAtThisLocation",
			"You cannot perform this action at this location.");

	private final int code;

	private final String status;

	private final String message;

	PlatformError(int code, String status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	public int code() {
		return code;
	}

	/** Bungie's name for it, as the envelope's {@code ErrorStatus} says it. */
	public String status() {
		return status;
	}

	String message() {
		return message;
	}

	/** Bungie's envelope for this error. */
	public ObjectNode envelope() {
		return envelope(message);
	}

	/** Bungie's envelope for this error, in words for the case (Bungie words some errors per case). */
	public ObjectNode envelope(String message) {
		return Envelope.error(code, status, message, 0);
	}

}
