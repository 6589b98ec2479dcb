package dev.tower.destiny.inventory;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The item window's details for one item on the player's board, by its board key (the tile's data-item). */
@RestController
class ItemDetailsController {

	private final Guardians guardians;

	private final Inventories inventories;

	private final ItemWindow window;

	ItemDetailsController(Guardians guardians, Inventories inventories, ItemWindow window) {
		this.guardians = guardians;
		this.inventories = inventories;
		this.window = window;
	}

	@GetMapping(path = "/api/v1/destiny/items/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ItemDetails details(@PathVariable String key, Authentication authentication, HttpSession session) {
		Guardian guardian = guardians.current(authentication, session);
		Item item = inventories.board(guardian).item(key)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"That item is not on your board (any more): reload to see where things are."));
		return window.details(guardian, item);
	}


}
