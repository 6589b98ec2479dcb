package dev.tower.destiny.inventory;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;


/** The Destiny board's pages: the vault, a character, Xûr. */
@Controller
class DestinyPagesController {

	private final Guardians guardians;

	private final Inventories inventories;

	private final Xur xur;

	DestinyPagesController(Guardians guardians, Inventories inventories, Xur xur) {
		this.guardians = guardians;
		this.inventories = inventories;
		this.xur = xur;
	}

	@GetMapping("/destiny")
	String vault(Authentication authentication, HttpSession session, Model model) {
		board(authentication, session, model, "vault");
		return "destiny/vault";
	}

	@GetMapping("/destiny/characters/{characterId}")
	String character(@PathVariable String characterId, Authentication authentication, HttpSession session,
			Model model) {
		Board board = board(authentication, session, model, "character");
		CharacterView character = board.character(characterId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such character on this board"));
		model.addAttribute("character", character);
		return "destiny/character";
	}

	@GetMapping("/destiny/xur")
	String xur(Authentication authentication, HttpSession session, Model model) {
		Guardian guardian = guardians.current(authentication, session);
		Board board = inventories.board(guardian);
		model.addAttribute("board", board);
		model.addAttribute("page", "xur");
		model.addAttribute("xur", xur.visit(guardian, board));
		return "destiny/xur";
	}

	@ExceptionHandler(Guardians.NotLinkedException.class)
	@ResponseStatus(HttpStatus.OK)
	String notLinked() {
		return "destiny/connect";
	}

	private Board board(Authentication authentication, HttpSession session, Model model, String page) {
		Board board = inventories.board(guardians.current(authentication, session));
		model.addAttribute("board", board);
		model.addAttribute("page", page);
		model.addAttribute("tiles", new DestinyTiles(board));
		return board;
	}

}
