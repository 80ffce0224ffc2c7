import type { Socket } from 'socket.io';
import type { Actor } from '../common/auth/actor';

export interface SocketData {
  /** The token the socket connected with; writes re-check it, so signing out or a suspension takes effect at once. */
  token: string | null;
  user: Actor | null;
}

export type ForumSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;
