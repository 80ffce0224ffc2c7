import { SetMetadata } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { Actor, isSuspended, Role } from './actor';

/** Who may call a route or socket message. No rule means anyone, guests included. */
export interface AccessRule {
  /** Suspended users may still read their own account and sign out. */
  allowSuspended?: boolean;
  roles?: readonly Role[];
}

export const ACCESS_RULE = 'access-rule';

/** Any signed-in user, suspended or not. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { allowSuspended: true } satisfies AccessRule);
/** "participant+" in API.md: any signed-in, unsuspended user. */
export const Participant = () => SetMetadata(ACCESS_RULE, {} satisfies AccessRule);
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

/** 401 for guests, 403 (with the suspension's end and reason) for those who may not; returns the user. */
export function assertAccess<A extends Actor>(user: A | null, rule: AccessRule): A {
  if (!user) throw new DomainError('unauthenticated', 'Sign in first.');
  if (!rule.allowSuspended && isSuspended(user)) {
    const reason = user.suspensionReason ? ` Reason: ${user.suspensionReason}` : '';
    throw new DomainError(
      'suspended',
      `Your account is suspended until ${user.suspendedUntil!.toISOString()}.${reason}`,
      { suspendedUntil: user.suspendedUntil!.toISOString(), reason: user.suspensionReason },
    );
  }
  if (rule.roles && !rule.roles.includes(user.role)) {
    throw new DomainError('forbidden', `This needs the role ${rule.roles.join(' or ')}.`);
  }
  return user;
}
