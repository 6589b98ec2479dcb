package dev.tower.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.tower.finance.FinanceImport;
import dev.tower.finance.ImportSummary;
import dev.tower.finance.MalformedImportException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "finance", mixinStandardHelpOptions = true, description = "Finance board data.",
		subcommands = FinanceCommand.Import.class)
class FinanceCommand {

	@ParentCommand
	TowerCommand root;

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Import companies and their quarterly earnings from the original's JSON shape "
					+ "{\"DATA\": [{\"COMPANY\", \"COMPANY_CEO\", \"BUSINESS_TYPE\", \"FINANCE\": [...]}]}. "
					+ "All or nothing; importing again updates in place.")
	static class Import implements Callable<Integer> {

		@ParentCommand
		FinanceCommand finance;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "FILE", description = "JSON files, imported one after the other")
		Path[] files;

		@Override
		public Integer call() {
			int failures = 0;
			try (ConfigurableApplicationContext context = TowerContext.command(finance.root)) {
				FinanceImport financeImport = context.getBean(FinanceImport.class);
				for (Path file : files) {
					try {
						ImportSummary summary = financeImport.importFile(file);
						spec.commandLine().getOut().printf("%s: %s%n", file, summary);
					}
					catch (MalformedImportException ex) {
						failures++;
						spec.commandLine().getErr().printf("tower: %s: nothing imported: %s%n", file, ex.getMessage());
					}
				}
			}
			return failures == 0 ? 0 : 1;
		}

	}

}
