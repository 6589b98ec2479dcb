package dev.tower;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.cache.CacheManager;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Tests share one application context but not its caches: each test starts with empty tables and empty caches. */
public class EmptyCaches implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		CacheManager caches = SpringExtension.getApplicationContext(context).getBean(CacheManager.class);
		caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
	}

}
