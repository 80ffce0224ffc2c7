/**
 * Common ground: a bridging rank. A voter's side is the stance of their latest visible top-level post in the
 * debate (pro or contra; everyone else has no side). For each side we take its net approval of a post, shrunk
 * towards 0 for small samples, and the post scores the approval of the side that likes it LEAST:
 *
 *   support(side) = (up - down) / (up + down + SMOOTHING)
 *   commonGround  = min(support(pro), support(contra))
 *
 * So a post must be liked by both camps to rank high: 1 pro and 1 contra up-vote (1/3) beat 10 pro up-votes and
 * no contra votes (0). Ties fall back to score, then newest. See docs/COMMON_GROUND.md for the reasoning.
 */
export const SMOOTHING = 2;

/** The rank is compared as an integer (millionths) so keyset cursors round-trip exactly. */
export const SCALE = 1_000_000;

/** The formula in SQL, over columns pro_up, pro_down, contra_up, contra_down. */
export const COMMON_GROUND_SQL = `round(${SCALE} * least(
  (pro_up - pro_down)::float8 / (pro_up + pro_down + ${SMOOTHING}),
  (contra_up - contra_down)::float8 / (contra_up + contra_down + ${SMOOTHING})))::bigint`;
