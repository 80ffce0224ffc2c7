import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The hot reads (a page of posts, a post, the session behind a token) as named prepared statements: PostgreSQL parses
 * and plans each text once per connection instead of on every call (a page of posts took longer to plan than to
 * run). Outside transactions only: a transaction's queries go through its own connection. A statement's name is the
 * hash of its text, so one text always has one name on every connection.
 */
@Injectable()
export class PreparedQueries {
  private readonly names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async query<Row>(text: string, values: unknown[]): Promise<Row[]> {
    let name = this.names.get(text);
    if (!name) {
      name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    const { rows } = await this.pool().query({ name, text, values });
    return rows as Row[];
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }
}
