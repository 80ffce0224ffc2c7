import type { Socket } from 'socket.io';
import { User } from '../users/user.entity';

export interface SocketData {
  /** The token the socket connected with; writes re-check it, so signing out or a suspension takes effect at once. */
  token: string | null;
  user: User | null;
}

export type ForumSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

export type Ack = (response: unknown) => void;
