package dev.tower.destiny.inventory;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * An item tile's HTML, written here rather than in a Thymeleaf fragment: a vault page holds hundreds of tiles with
 * a dozen attributes each, and evaluating them one expression at a time took the page to about 50 ms (600 vault
 * items); this writes them in well under one. Every value is HTML-escaped. Each tile carries the moves its menu
 * offers ({@code data-moves}: {@code pull}, {@code to:<vault or character id>}, {@code equip:<character id>}), from
 * the rules {@link ItemMoves} checks, so the page does not decide them. The pages get one per board as the model's
 * {@code tiles}: {@code th:utext="${tiles.html(group.items)}"}.
 */
public class DestinyTiles {

	private final Board board;

	DestinyTiles(Board board) {
		this.board = board;
	}

	public String html(List<Item> items) {
		StringBuilder html = new StringBuilder(items.size() * 1000);
		for (Item item : items) {
			tile(html, item);
		}
		return html.toString();
	}

	public String html(Item item) {
		StringBuilder html = new StringBuilder(1000);
		tile(html, item);
		return html.toString();
	}

	private void tile(StringBuilder html, Item item) {
		html.append("<div role=\"button\" tabindex=\"0\" draggable=\"true\" class=\"tile ").append(item.tierCss());
		if (item.equipped()) {
			html.append(" is-equipped");
		}
		if (item.classified()) {
			html.append(" is-classified");
		}
		if (item.masterwork()) {
			html.append(" is-masterwork");
		}
		html.append('"');
		attribute(html, "data-item", item.key());
		attribute(html, "data-owner", item.owner());
		attribute(html, "data-name", item.name());
		attribute(html, "data-type", item.type());
		attribute(html, "data-tier", item.tierLabel());
		attribute(html, "data-bucket", item.bucketName());
		attribute(html, "data-class-type", Integer.toString(item.classType()));
		attribute(html, "data-power", Integer.toString(item.power()));
		attribute(html, "data-damage", item.damage() == null ? "" : item.damage());
		attribute(html, "data-quantity", Integer.toString(item.quantity()));
		attribute(html, "data-locked", Boolean.toString(item.locked()));
		attribute(html, "data-equipped", Boolean.toString(item.equipped()));
		attribute(html, "data-transferable", Boolean.toString(item.transferable()));
		attribute(html, "data-postmaster", Boolean.toString(item.postmaster()));
		attribute(html, "data-classified", Boolean.toString(item.classified()));
		attribute(html, "data-moves", moves(item));
		attribute(html, "title", title(item));
		html.append("><span class=\"tile-art\">");
		String icon = safeUrl(item.icon());
		if (icon != null) {
			html.append("<img");
			attribute(html, "src", icon);
			html.append(" alt=\"\" loading=\"lazy\" width=\"64\" height=\"64\" draggable=\"false\">");
		}
		else {
			html.append("<span class=\"tile-glyph\" aria-hidden=\"true\"><i class=\"bi bi-question-diamond\"></i></span>");
		}
		if (item.locked()) {
			html.append("<i class=\"bi bi-lock-fill tile-lock\" aria-label=\"locked\"></i>");
		}
		html.append("</span><span class=\"tile-stat\">");
		String damageIcon = safeUrl(item.damageIcon());
		if (damageIcon != null) {
			html.append("<img class=\"tile-damage\"");
			attribute(html, "src", damageIcon);
			html.append(" alt=\"\" width=\"12\" height=\"12\" draggable=\"false\">");
		}
		html.append("<span>");
		if (item.power() > 0) {
			html.append(item.power());
		}
		else if (item.quantity() > 1) {
			html.append('×').append(item.quantity());
		}
		html.append("</span></span><span class=\"tile-name\">").append(HtmlUtils.htmlEscape(item.name(), "UTF-8"))
			.append("</span></div>");
	}

	private String moves(Item item) {
		ItemMoves.Allowed allowed = ItemMoves.allowed(board, item);
		StringBuilder moves = new StringBuilder(allowed.pull() ? "pull" : "");
		allowed.to().forEach(to -> moves.append(" to:").append(to));
		allowed.equipOn().forEach(character -> moves.append(" equip:").append(character));
		return moves.toString().strip();
	}

	static String title(Item item) {
		StringBuilder title = new StringBuilder(item.name()).append(" · ").append(item.tierLabel());
		if (!item.type().isEmpty() && !item.type().equals(item.tierLabel())) {
			title.append(' ').append(item.type());
		}
		if (item.power() > 0) {
			title.append(" · ").append(item.power()).append(" Power");
		}
		if (item.damage() != null) {
			title.append(" · ").append(item.damage());
		}
		return title.toString();
	}

	private static void attribute(StringBuilder html, String name, String value) {
		html.append(' ').append(name).append("=\"").append(HtmlUtils.htmlEscape(value, "UTF-8")).append('"');
	}

	/** Icons come from the manifest: only paths and http(s) addresses become {@code src}. */
	static String safeUrl(String url) {
		if (url == null) {
			return null;
		}
		return url.startsWith("/") && !url.startsWith("//") || url.startsWith("https://") || url.startsWith("http://")
				? url : null;
	}

}
