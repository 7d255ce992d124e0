/** The admin's reason for an action (a ticket, an incident), which Activity keeps beside it. */

/** Long enough for a ticket reference and a sentence; the field and the background both hold it. */
export const REASON_MAX_LENGTH = 500;
