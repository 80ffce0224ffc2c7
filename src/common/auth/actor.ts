/**
 * Who acts: what the access rules need to know of a signed-in person. The users module's entity is one; `common`
 * knows no feature module, so the rules are written against this shape.
 */
export const ROLES = ['participant', 'moderator', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const MODERATOR_ROLES: readonly Role[] = ['moderator', 'admin'];

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
}

export function isSuspended(actor: Pick<Actor, 'suspendedUntil'>, now = new Date()): boolean {
  return actor.suspendedUntil !== null && actor.suspendedUntil > now;
}

export function isModerator(actor: Pick<Actor, 'role'> | null | undefined): boolean {
  return actor?.role !== undefined && MODERATOR_ROLES.includes(actor.role);
}

/** What visibility rules need of a reader: who it is (null for a guest) and whether they moderate. */
export interface Viewer {
  userId: string | null;
  moderator: boolean;
}

export const GUEST: Viewer = { userId: null, moderator: false };

export function viewerOf(actor: Actor | null): Viewer {
  return actor ? { userId: actor.id, moderator: isModerator(actor) } : GUEST;
}
