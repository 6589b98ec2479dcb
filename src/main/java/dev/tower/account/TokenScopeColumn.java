package dev.tower.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a scope by its lower-case id, the same word the migration's column default uses. */
@Converter
class TokenScopeColumn implements AttributeConverter<TokenScope, String> {

	@Override
	public String convertToDatabaseColumn(TokenScope scope) {
		return scope.id();
	}

	@Override
	public TokenScope convertToEntityAttribute(String id) {
		return TokenScope.of(id);
	}

}
