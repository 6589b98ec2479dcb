package dev.tower.account;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/** The scopes a token may be issued with: {@link TokenScope#API} and the narrower ones features declare as beans. */
@Component
public class TokenScopes {

	private final List<TokenScope> declared;

	public TokenScopes(List<TokenScope> declared) {
		this.declared = List.copyOf(declared);
	}

	/** Every scope, {@code api} first: the choices on the account page. */
	public List<TokenScope> all() {
		return Stream.concat(Stream.of(TokenScope.API), declared.stream()).toList();
	}

	/** The features' scopes, each allowing only its own requests. */
	List<TokenScope> declared() {
		return declared;
	}

	/** The scope called {@code id}; anything else is refused with the names that would do. */
	public TokenScope of(String id) {
		String wanted = (id == null) ? "" : id.strip().toLowerCase(Locale.ROOT);
		return all().stream()
			.filter(scope -> scope.id().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new AccountException("unknown token scope '%s': use %s".formatted(id,
					all().stream().map(TokenScope::id).collect(Collectors.joining(" or ")))));
	}

}
