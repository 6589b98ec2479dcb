package dev.tower.destiny.notice;

/**
 * A player's choice of Xûr's weekly notice.
 *
 * @param email the address mail goes to, or null
 * @param emailConfirmed whether its owner followed the confirmation link sent to it
 * @param xurByEmail whether Xûr's wares are mailed to it when he arrives (once it is confirmed)
 * @param xurInSlack whether the player wants his arrival announced in the Slack channel
 * @param unsubscribeToken carried by every mail: stops the mails, signed out
 */
record Subscription(long accountId, String email, boolean emailConfirmed, boolean xurByEmail, boolean xurInSlack,
		String unsubscribeToken) {

	static Subscription none(long accountId) {
		return new Subscription(accountId, null, false, false, false, null);
	}

}
