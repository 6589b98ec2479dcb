package dev.tower.finance;

/** Rules for free text that ends up in pages, charts and CSV exports. */
final class Text {

	/** No control characters (newlines, NUL, escape sequences) in names. */
	static final String PRINTABLE = "[^\\p{Cntrl}]*";

	static final String PRINTABLE_MESSAGE = "must not contain control characters";

	private Text() {
	}

}
