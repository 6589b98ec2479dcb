package dev.tower.results.ingest;

/** Where an entry of the ingest queue stands. */
public enum QueueState {

	/** Waiting for the scheduled job or {@code tower ingest}. */
	PENDING,
	/** Claimed by an ingester; back to pending if that ingester dies. */
	PROCESSING,
	/** Ingested, recognised as a duplicate, or rejected for good reason (see the file's record). */
	DONE,
	/** Tried and failed; an admin may retry it. */
	FAILED,
	/** Its time to live passed before it could be ingested. */
	EXPIRED

}
