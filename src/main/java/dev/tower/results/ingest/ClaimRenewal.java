package dev.tower.results.ingest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.tower.results.ResultsProperties;

/**
 * Renews this process's claims on queue entries while it reads their files, a third of the lease apart, so that
 * other ingesters can tell a claim that is being worked on from one whose ingester died.
 */
@Component
class ClaimRenewal implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClaimRenewal.class);

	private final IngestQueue queue;

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "ingest-claim-renewal");
		thread.setDaemon(true);
		return thread;
	});

	ClaimRenewal(IngestQueue queue, ResultsProperties properties) {
		this.queue = queue;
		long every = Math.max(1, properties.claimLease().toMillis() / 3);
		timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
	}

	void holding(long id) {
		held.add(id);
	}

	void released(long id) {
		held.remove(id);
	}

	private void renew() {
		List<Long> ids = List.copyOf(held);
		if (ids.isEmpty()) {
			return;
		}
		try {
			queue.renew(ids);
		}
		catch (RuntimeException ex) {
			// the next renewal may succeed; if none does, the claims run out and another ingester takes them over
			log.warn("Could not renew the claims on {} queue entries: {}", ids.size(), ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}

}
