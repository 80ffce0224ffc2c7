/** What a notification is about: a reply to one's post, a mention of one's name, a moderator's action on one's post. */
export const NOTIFICATION_KINDS = ['reply', 'mention', 'moderation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
