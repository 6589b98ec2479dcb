package dev.tower.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.roles(account.getRole().granted())
			.disabled(account.isDisabled())
			.build();
	}

}
