package dev.tower;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.cache.CacheManager;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.tower.results.tests.TestDirectory;

/** Tests share one application context but not its caches: each test starts with empty tables and empty caches
 * (the directory of tests remembers which tests its table holds). */
public class EmptyCaches implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		var application = SpringExtension.getApplicationContext(context);
		CacheManager caches = application.getBean(CacheManager.class);
		caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
		application.getBeanProvider(TestDirectory.class).ifAvailable(TestDirectory::forget);
	}

}
