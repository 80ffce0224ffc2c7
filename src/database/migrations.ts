import { InitialSchema1764000000000 } from '../../migrations/1764000000000-initial-schema';
import { PostsAndEventLog1764000100000 } from '../../migrations/1764000100000-posts-and-event-log';
import { PostsByThreadRoot1764000200000 } from '../../migrations/1764000200000-posts-by-thread-root';

/** Every migration, in order. Listed by hand so the build, the CLI and the tests run the same set. */
export const MIGRATIONS = [InitialSchema1764000000000, PostsAndEventLog1764000100000, PostsByThreadRoot1764000200000];
