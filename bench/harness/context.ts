import { Pool } from 'pg';
import { benchDatabase, DatabaseChoice } from './database';
import { createDebate, forumEnv, JWT_SECRET, Person, register, signInAdmin } from './forum';
import { Running, startForum, startReference } from './processes';
import { seedPeople } from './seed';

/** How big each scenario is: the full benchmark, or the smoke run CI does (checks only, no figures kept). */
export interface Size {
  smoke: boolean;
  seconds: number;
  warmUpSeconds: number;
  writers: number;
  readers: number;
  fanOutClients: number[];
  fanOutRuns: number;
  fanOutRate: number;
  fanOutSeconds: number;
  /**
   * Fan-out and cluster readers join spread over this long, both sides at once: socket.io's heartbeat interval
   * (`pingInterval`, 25 s by default, which both servers keep). Readers joined in a burst get their heartbeats in a
   * burst too, every 25 s, which real readers arriving over time do not: one run of one side would take the wave.
   */
  joinSpreadMs: number;
  memorySockets: number;
  resumeJoins: number;
  idleSockets: number;
  threadPosts: number;
  neighbours: number;
  startupIdleSeconds: number;
  /** Live session: participants joined to one session, each voting once within `burstMs`. */
  sessionParticipants: number;
  burstMs: number;
  /** Moderation: open items in the queue (as many resolved), pages walked, readers and rounds of the third flag. */
  queueItems: number;
  queuePages: number;
  flagReaders: number;
  flagRounds: number;
  /** Watched words: rules on the list, screenings timed per case. */
  watchedRules: number;
  screenings: number;
  /** Search: posts in the corpus, requests per query. */
  searchPosts: number;
  searchRequests: number;
}

export const FULL: Size = {
  smoke: false,
  seconds: 5,
  warmUpSeconds: 1,
  writers: 16,
  readers: 20,
  fanOutClients: [500, 2000],
  fanOutRuns: 3,
  fanOutRate: 20,
  fanOutSeconds: 5,
  joinSpreadMs: 25_000,
  memorySockets: 2000,
  resumeJoins: 20,
  idleSockets: 10_000,
  threadPosts: 2000,
  neighbours: 10,
  startupIdleSeconds: 20,
  sessionParticipants: 1000,
  burstMs: 2000,
  queueItems: 10_000,
  queuePages: 300,
  flagReaders: 500,
  flagRounds: 20,
  watchedRules: 1000,
  screenings: 2000,
  searchPosts: 100_000,
  searchRequests: 120,
};

export const SMOKE: Size = {
  ...FULL,
  smoke: true,
  seconds: 1,
  warmUpSeconds: 0,
  writers: 4,
  readers: 4,
  fanOutClients: [50],
  fanOutRuns: 1,
  fanOutSeconds: 2,
  joinSpreadMs: 0,
  memorySockets: 50,
  resumeJoins: 2,
  threadPosts: 200,
  neighbours: 1,
  sessionParticipants: 50,
  burstMs: 500,
  queueItems: 200,
  queuePages: 10,
  flagReaders: 20,
  flagRounds: 2,
  watchedRules: 100,
  screenings: 50,
  searchPosts: 2000,
  searchRequests: 3,
};

export type Side = 'forum' | 'reference';
export const SIDES: Side[] = ['forum', 'reference'];

/**
 * The forum (production build) and the reference, side by side on one fresh PostgreSQL database, with an admin and
 * the participants every scenario shares. Started on first use, so scenarios that need none of it skip it.
 */
export class PostgresBench {
  private readonly seeded: Person[] = [];

  private constructor(
    readonly size: Size,
    private readonly choice: DatabaseChoice,
    private readonly url: string,
    readonly pool: Pool,
    readonly forum: Running,
    readonly reference: Running,
    readonly admin: Person,
    readonly people: Person[],
    readonly forumStartMs: number,
    /** Problems that make the run fail: a lost delivery, a counter off, an error answer. */
    readonly problems: string[],
  ) {}

  static async start(size: Size, choice: DatabaseChoice, problems: string[] = []): Promise<PostgresBench> {
    const { url, pool } = await benchDatabase(choice);
    const forum = await startForum('forum', forumEnv({ DATABASE_URL: url }));
    const admin = await signInAdmin(forum);
    const people = await register(forum, size.writers);
    const reference = await startReference('reference', { DATABASE_URL: url, JWT_SECRET });
    return new PostgresBench(size, choice, url, pool, forum, reference, admin, people, forum.ms, problems);
  }

  /**
   * Runs `work` on a forum and reference of their own, on a database of its own (made and dropped as this one is),
   * for figures that depend on what else the tables hold; its problems are this run's. With `--database` there is
   * no other database to make, and `work` runs here.
   */
  async apart<T>(work: (bench: PostgresBench) => Promise<T>): Promise<T> {
    if (this.choice.url) return work(this);
    const apart = await PostgresBench.start(this.size, this.choice, this.problems);
    try {
      return await work(apart);
    } finally {
      await apart.forum.stop();
      await apart.reference.stop();
    }
  }

  server(side: Side): Running {
    return side === 'forum' ? this.forum : this.reference;
  }

  /**
   * Another server of one side on the same database, just started: for weighing memory, where a process that has
   * already served load has free heap pages that new sockets fill without growing its RSS.
   */
  fresh(side: Side): Promise<Running> {
    return side === 'forum'
      ? this.forumNode('forum (fresh)')
      : startReference('reference (fresh)', { DATABASE_URL: this.url, JWT_SECRET });
  }

  /** Another forum process on the same database, with `env` added (REDIS_URL for a node of a cluster). */
  forumNode(name: string, env: Record<string, string> = {}): Promise<Running> {
    return startForum(name, forumEnv({ ...env, DATABASE_URL: this.url }));
  }

  debate(question: string): Promise<string> {
    return createDebate(this.forum, this.admin, `Benchmark: ${question}`);
  }

  /**
   * `count` participants signed in, the same ones each time it is asked: written straight to the tables (a thousand
   * registrations through the API would spend minutes in argon2 before anything is measured).
   */
  async crowd(count: number): Promise<Person[]> {
    if (this.seeded.length < count) {
      this.seeded.push(...(await seedPeople(this.query, this.people[0].id, count - this.seeded.length)));
    }
    return this.seeded.slice(0, count);
  }

  query = async (sql: string, params?: unknown[]): Promise<unknown[]> => (await this.pool.query(sql, params)).rows;

  problem(message: string): void {
    this.problems.push(message);
    console.error(`  PROBLEM: ${message}`);
  }
}
