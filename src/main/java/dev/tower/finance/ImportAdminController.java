package dev.tower.finance;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload of an import file in the original's JSON shape. */
@Controller
@RequestMapping("/admin/import")
class ImportAdminController {

	private final FinanceImport financeImport;

	ImportAdminController(FinanceImport financeImport) {
		this.financeImport = financeImport;
	}

	@GetMapping
	String form() {
		return "finance/import";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose a JSON file to import.");
			return "redirect:/admin/import";
		}
		try (InputStream in = new BoundedInputStream(file.getInputStream(), FinanceImport.MAX_BYTES)) {
			ImportSummary summary = financeImport.importJson(in);
			redirect.addFlashAttribute("summary", summary);
			redirect.addFlashAttribute("message", "Imported " + file.getOriginalFilename() + ": " + summary + ".");
		}
		catch (MalformedImportException ex) {
			redirect.addFlashAttribute("error", "Nothing was imported from " + file.getOriginalFilename() + ": " + ex.getMessage());
		}
		return "redirect:/admin/import";
	}

}
