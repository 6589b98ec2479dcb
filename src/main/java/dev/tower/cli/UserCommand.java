package dev.tower.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.tower.account.AccountException;
import dev.tower.account.AccountService;
import dev.tower.account.AccountView;
import dev.tower.account.ApiTokenService;
import dev.tower.account.Role;
import dev.tower.account.TokenScope;
import dev.tower.account.TokenScopes;
import dev.tower.results.ResultsAccess;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage local accounts.",
		subcommands = { UserCommand.Create.class, UserCommand.ListAccounts.class, UserCommand.Password.class,
				UserCommand.Token.class, UserCommand.Tokens.class, UserCommand.Grant.class, UserCommand.Disable.class,
				UserCommand.Enable.class })
class UserCommand {

	@ParentCommand
	TowerCommand root;

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create an account. The password is asked for, or read from standard input when piped.")
	static class Create implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME", description = "3 to 64 letters, digits, dots, dashes or underscores")
		String username;

		@Option(names = "--admin", description = "May change data (create, edit, delete, import).")
		boolean admin;

		@Override
		public Integer call() throws IOException {
			String password = readPassword(spec);
			return user.run(spec, context -> {
				AccountView account = context.getBean(AccountService.class).create(username, password, admin);
				return "Created %s account '%s'.".formatted(account.role().id(), account.username());
			});
		}

	}

	@Command(name = "password", mixinStandardHelpOptions = true,
			description = "Set a new password for an account. Its sessions end: it signs in again with the new one.")
	static class Password implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME")
		String username;

		@Override
		public Integer call() throws IOException {
			String password = readPassword(spec);
			return user.run(spec, context -> {
				context.getBean(AccountService.class).changePassword(username, password);
				return "Changed the password of '%s'.".formatted(username);
			});
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
	static class ListAccounts implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			return user.run(spec, context -> {
				StringBuilder table = new StringBuilder("%-24s %-6s %-8s %s".formatted("USERNAME", "ROLE", "STATE", "CREATED"));
				for (AccountView account : context.getBean(AccountService.class).list()) {
					table.append("%n%-24s %-6s %-8s %s".formatted(account.username(), account.role().id(),
							account.disabled() ? "disabled" : "active", account.createdAt()));
				}
				return table.toString();
			});
		}

	}

	@Command(name = "token", mixinStandardHelpOptions = true,
			description = { "Issue a personal API token for an account and print it (once: only its hash is kept).",
					"A test machine that only pushes results needs no more than --scope upload." })
	static class Token implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME")
		String username;

		@Option(names = "--name", required = true, description = "What the token is for, e.g. ci-server")
		String name;

		@Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "api",
				description = { "What the token may do (default: ${DEFAULT-VALUE}):",
						"  api     act as the account, with its role",
						"  upload  only upload test results" })
		String scope;

		@Override
		public Integer call() {
			TokenScope tokenScope = scope();
			return user.run(spec, context -> context.getBean(ApiTokenService.class).issue(username, name, tokenScope).secret());
		}

		/**
		 * A mistyped scope is a usage error like a mistyped option: told at once, before any database is opened. So
		 * the features' scopes are named here, as in the help above, rather than found among the context's beans.
		 */
		private TokenScope scope() {
			try {
				return new TokenScopes(List.of(ResultsAccess.UPLOAD)).of(scope);
			}
			catch (AccountException ex) {
				throw new picocli.CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
			}
		}

	}

	@Command(name = "tokens", mixinStandardHelpOptions = true,
			description = "Revoke every personal API token of an account, e.g. when one leaked and nobody knows which.")
	static class Tokens implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME")
		String username;

		@Option(names = "--revoke-all", required = true, description = "Revoke them all.")
		boolean revokeAll;

		@Override
		public Integer call() {
			return user.run(spec, context -> "Revoked %d tokens of '%s'."
				.formatted(context.getBean(ApiTokenService.class).revokeAll(username), username));
		}

	}

	@Command(name = "role", mixinStandardHelpOptions = true, description = { "Give an account a role; its sessions end.",
			"  player  the Destiny board only (accounts made by a Bungie.net login)",
			"  user    read every board and hold API tokens",
			"  admin   also change data" })
	static class Grant implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "USERNAME")
		String username;

		@Parameters(index = "1", paramLabel = "ROLE", description = "player, user or admin")
		String role;

		@Override
		public Integer call() {
			Role granted;
			try {
				granted = Role.of(role);
			}
			catch (AccountException ex) {
				throw new picocli.CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
			}
			return user.run(spec, context -> "'%s' now has the %s role."
				.formatted(username, context.getBean(AccountService.class).grant(username, granted).role().id()));
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true, description = { "Disable an account: it cannot sign "
			+ "in, its sessions end and its API tokens stop working (on every web node within 30 s)." })
	static class Disable implements Callable<Integer> {

		@ParentCommand
		UserCommand user;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME")
		String username;

		boolean disabling() {
			return true;
		}

		@Override
		public Integer call() {
			return user.run(spec, context -> {
				context.getBean(AccountService.class).disable(username, disabling());
				return "%s '%s'.".formatted(disabling() ? "Disabled" : "Enabled", username);
			});
		}

	}

	@Command(name = "enable", mixinStandardHelpOptions = true,
			description = "Enable a disabled account again: it signs in anew, and its API tokens work again.")
	static class Enable extends Disable {

		@Override
		boolean disabling() {
			return false;
		}

	}

	/** Runs an account action in a context without a web server; a refused action is one line and exit code 1. */
	int run(CommandSpec spec, Function<ConfigurableApplicationContext, String> action) {
		try (ConfigurableApplicationContext context = TowerContext.command(root)) {
			spec.commandLine().getOut().println(action.apply(context));
			return 0;
		}
		catch (AccountException ex) {
			spec.commandLine().getErr().println("tower: " + ex.getMessage());
			return 1;
		}
	}

	/** Asked twice on a terminal; one line from standard input otherwise, so scripts can pipe it in. */
	static String readPassword(CommandSpec spec) throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("Password: ");
			char[] second = console.readPassword("Repeat password: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				throw new picocli.CommandLine.ParameterException(spec.commandLine(), "the passwords do not match");
			}
			return new String(first);
		}
		String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (line == null || line.isEmpty()) {
			throw new picocli.CommandLine.ParameterException(spec.commandLine(),
					"no password on standard input: pipe one in, e.g. echo \"$PASSWORD\" | tower user create NAME");
		}
		return line;
	}

}
