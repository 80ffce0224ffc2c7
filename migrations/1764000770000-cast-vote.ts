import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote as one call (PostRepository.castVote): lock the post, read the voter's vote, write the change, move the
 * score, take the debate stream's next seq and append `post.voted`. One round trip instead of four (BEGIN, the lock,
 * the write, COMMIT), with the post's row lock held for the function alone. Each statement of a VOLATILE function
 * takes a fresh snapshot, so the vote read after the lock sees what the previous holder committed, as the second
 * statement of the transaction did before. Answers no row for no such post; the post's status alone when it is not
 * visible; no seq when the vote is what it was (nothing written, no event).
 */
export class CastVote1764000770000 implements MigrationInterface {
  name = 'CastVote1764000770000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION cast_vote(target uuid, voter uuid, wanted int)
      RETURNS TABLE (
        post_debate_id uuid, post_author_id uuid, post_status varchar, new_score int, event_seq int,
        event_created_at timestamptz
      )
      LANGUAGE plpgsql AS $$
      DECLARE
        previous int;
        stream_name varchar;
      BEGIN
        SELECT p.debate_id, p.author_id, p.status, p.score INTO post_debate_id, post_author_id, post_status, new_score
          FROM posts p WHERE p.id = target FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        IF post_status <> 'visible' THEN
          RETURN NEXT;
          RETURN;
        END IF;
        previous := coalesce((SELECT v.value FROM votes v WHERE v.post_id = target AND v.user_id = voter), 0);
        IF previous = wanted THEN
          RETURN NEXT;
          RETURN;
        END IF;
        IF wanted = 0 THEN
          DELETE FROM votes v WHERE v.post_id = target AND v.user_id = voter;
        ELSE
          INSERT INTO votes AS v (post_id, user_id, value, updated_at) VALUES (target, voter, wanted, now())
            ON CONFLICT (post_id, user_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
        END IF;
        UPDATE posts p SET score = p.score + (wanted - previous) WHERE p.id = target RETURNING p.score INTO new_score;
        -- The debate's stream, named as debateStream() names it.
        stream_name := 'debate:' || post_debate_id;
        INSERT INTO streams AS s (name, last_seq) VALUES (stream_name, 1)
          ON CONFLICT (name) DO UPDATE SET last_seq = s.last_seq + 1
          RETURNING s.last_seq INTO event_seq;
        INSERT INTO events AS e (stream, seq, type, payload)
          VALUES (stream_name, event_seq, 'post.voted', jsonb_build_object('id', target, 'score', new_score))
          RETURNING e.created_at INTO event_created_at;
        RETURN NEXT;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION cast_vote(uuid, uuid, int)`);
  }
}
