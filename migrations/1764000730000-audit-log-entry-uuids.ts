import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API.md: ids are UUIDs unless said otherwise, and the audit log says nothing otherwise. Each entry gets a UUID,
 * which the API shows as its `id`; the bigserial stays the internal order that pages and appeals use. Adding the
 * column fills the existing rows from the default without an UPDATE, so the append-only triggers stand untouched.
 */
export class AuditLogEntryUuids1764000730000 implements MigrationInterface {
  name = 'AuditLogEntryUuids1764000730000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE moderation_log ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await db.query(`ALTER TABLE moderation_log ADD CONSTRAINT uq_moderation_log_public_id UNIQUE (public_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE moderation_log DROP COLUMN public_id`);
  }
}
