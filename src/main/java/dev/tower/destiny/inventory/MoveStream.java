package dev.tower.destiny.inventory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer that streams moves as they happen: {@code application/x-ndjson}, one JSON object a line, each sent at
 * once, so a page shows every Bungie action as it runs.
 */
public final class MoveStream {

	private final OutputStream out;

	private final JsonMapper json;

	private MoveStream(OutputStream out, JsonMapper json) {
		this.out = out;
		this.json = json;
	}

	/** Starts the 200 answer; whatever goes wrong from here on is said in a line. */
	public static MoveStream open(HttpServletResponse response, JsonMapper json) throws IOException {
		response.setStatus(200);
		response.setContentType("application/x-ndjson");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		return new MoveStream(response.getOutputStream(), json);
	}

	public void line(Map<String, ?> value) {
		try {
			out.write(json.writeValueAsBytes(value));
			out.write('\n');
			out.flush();
		}
		catch (IOException ex) {
			// The client went away; the moves go on, and the next board view shows where things are.
		}
	}

}
