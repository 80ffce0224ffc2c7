import { COMMON_GROUND_SQL } from '../../src/posts/common-ground';
import { useTestApp } from '../support/app';
import { idsOf, TestPost, TestUser } from '../support/make';

/**
 * The common-ground sort as production runs it: ranked in SQL over real votes, read through the API. The cases are
 * those of docs/COMMON_GROUND.md.
 */
describe('the common-ground sort', () => {
  const { make, api, sql } = useTestApp();

  /** `count` people who each take `stance` with a top-level post of their own in `debate`. */
  function takeSide(debate: { id: string }, stance: 'pro' | 'contra' | 'neutral', count = 1): Promise<TestUser[]> {
    return Promise.all(
      Array.from({ length: count }, async () => {
        const user = await make.user();
        await make.post(debate, { author: user, body: `I am ${stance}.`, stance });
        return user;
      }),
    );
  }

  /** Each of `voters` votes `value` on `post`. */
  async function votes(post: TestPost, voters: TestUser[], value: 1 | -1 = 1): Promise<void> {
    await Promise.all(voters.map((voter) => make.vote(post, voter, value)));
  }

  /** The order `sort` gives these posts, leaving out the others of the debate (such as the stance posts). */
  async function order(debate: { id: string }, posts: TestPost[], sort = 'common-ground'): Promise<string[]> {
    const listed = await api().get(`/api/debates/${debate.id}/posts?sort=${sort}&limit=200`).expect(200);
    const wanted = new Set(idsOf(posts));
    return idsOf(listed.body.items).filter((id) => wanted.has(id));
  }

  it('ranks by common ground: liked by both sides beats liked by one, even with fewer votes', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const bridging = await make.post(debate, { author, body: 'Both agree' });
    const partisan = await make.post(debate, { author, body: 'One camp loves it' });
    const pros = await takeSide(debate, 'pro', 4);
    const [contra] = await takeSide(debate, 'contra');
    await votes(partisan, pros);
    await votes(bridging, [pros[0], contra]);
    const ranked = (await api().get(`/api/debates/${debate.id}/posts?sort=common-ground`).expect(200)).body.items;
    const ranking = idsOf(ranked);
    expect(ranking.indexOf(bridging.id)).toBeLessThan(ranking.indexOf(partisan.id));
    const top = (await api().get(`/api/debates/${debate.id}/posts?sort=top`).expect(200)).body.items;
    expect(top[0].id).toBe(partisan.id);
  });

  it('ranks one pro and one contra up-vote above ten pro up-votes, which top ranks first', async () => {
    const debate = await make.debate();
    const [pros, [contra]] = await Promise.all([takeSide(debate, 'pro', 10), takeSide(debate, 'contra')]);
    const bridging = await make.post(debate, { body: 'One of each side likes this.' });
    const partisan = await make.post(debate, { body: 'Ten pros like this.' });
    await votes(bridging, [pros[0], contra]);
    await votes(partisan, pros);
    expect(await order(debate, [bridging, partisan])).toEqual([bridging.id, partisan.id]);
    expect(await order(debate, [bridging, partisan], 'top')).toEqual([partisan.id, bridging.id]);
  });

  it('orders the documented cases: 3 up on each side, 1 up on each side, 10 pro up, none, 20 pro up with 3 contra down', async () => {
    const debate = await make.debate();
    const [pros, contras] = await Promise.all([takeSide(debate, 'pro', 20), takeSide(debate, 'contra', 3)]);
    const threeEach = await make.post(debate, { body: 'Three up on each side: 0.6' });
    const oneEach = await make.post(debate, { body: 'One up on each side: 0.33' });
    const tenPro = await make.post(debate, { body: 'Ten pro up, no contra vote: 0' });
    const none = await make.post(debate, { body: 'No votes: 0' });
    const rejected = await make.post(debate, { body: 'Twenty pro up, three contra down: -0.6' });
    await votes(threeEach, [...pros.slice(0, 3), ...contras]);
    await votes(oneEach, [pros[0], contras[0]]);
    await votes(tenPro, pros.slice(0, 10));
    await votes(rejected, pros);
    await votes(rejected, contras, -1);
    // tenPro and none tie at 0: the higher score (10) goes first. The rejected post is last despite its score of 17.
    expect(await order(debate, [threeEach, oneEach, tenPro, none, rejected])).toEqual(
      idsOf([threeEach, oneEach, tenPro, none, rejected]),
    );
  });

  it('ranks a post by the side that likes it least, not by the average of both', async () => {
    const debate = await make.debate();
    const [pros, contras] = await Promise.all([takeSide(debate, 'pro', 5), takeSide(debate, 'contra', 5)]);
    const proHeavy = await make.post(debate, { body: '5 pro up, 1 contra up' });
    const contraHeavy = await make.post(debate, { body: '1 pro up, 5 contra up' });
    const even = await make.post(debate, { body: '2 up on each side' });
    await votes(proHeavy, [...pros, contras[0]]);
    await votes(contraHeavy, [pros[0], ...contras]);
    await votes(even, [...pros.slice(0, 2), ...contras.slice(0, 2)]);
    // min: even 2/4 = 0.5 beats 1/3 for both others, whose average (0.52) would have put them first.
    // proHeavy and contraHeavy tie in rank and score (6): the newer one goes first.
    expect(await order(debate, [proHeavy, contraHeavy, even])).toEqual(idsOf([even, contraHeavy, proHeavy]));
  });

  it('shrinks small samples: four up and one down on each side beat one up on each side', async () => {
    const debate = await make.debate();
    const [pros, contras] = await Promise.all([takeSide(debate, 'pro', 5), takeSide(debate, 'contra', 5)]);
    const tested = await make.post(debate, { body: 'Liked 4 to 1 on each side: 3/7' });
    const lucky = await make.post(debate, { body: 'One up on each side: 1/3 (it would be 1 without the +2)' });
    await votes(tested, [...pros.slice(0, 4), ...contras.slice(0, 4)]);
    await votes(tested, [pros[4], contras[4]], -1);
    await votes(lucky, [pros[0], contras[0]]);
    expect(await order(debate, [tested, lucky])).toEqual(idsOf([tested, lucky]));
  });

  it('breaks ties by score, then newest', async () => {
    const debate = await make.debate();
    const voted = await make.post(debate, { body: 'Oldest, score 2' });
    const older = await make.post(debate, { body: 'No votes, older' });
    const newer = await make.post(debate, { body: 'No votes, newer' });
    // Two voters without a side: the score moves, the rank stays 0 for all three.
    await votes(voted, [await make.user(), await make.user()]);
    expect(await order(debate, [voted, older, newer])).toEqual(idsOf([voted, newer, older]));
  });

  it('counts only the votes of people with a side: neutral posters and silent voters move top, not this', async () => {
    const debate = await make.debate();
    const [[pro], [contra], neutrals] = await Promise.all([
      takeSide(debate, 'pro'),
      takeSide(debate, 'contra'),
      takeSide(debate, 'neutral', 2),
    ]);
    const bridging = await make.post(debate, { body: 'One pro and one contra up: 1/3, score 2' });
    const crowd = await make.post(debate, { body: 'One pro, two neutral and one silent up: 0, score 4' });
    await votes(bridging, [pro, contra]);
    await votes(crowd, [pro, ...neutrals, await make.user()]);
    expect(await order(debate, [bridging, crowd])).toEqual(idsOf([bridging, crowd]));
    expect(await order(debate, [bridging, crowd], 'top')).toEqual(idsOf([crowd, bridging]));
  });

  it("takes a voter's side from their latest top-level post", async () => {
    const debate = await make.debate();
    const [pro, otherPro] = await takeSide(debate, 'pro', 2);
    const switcher = await make.user();
    await make.post(debate, { author: switcher, body: 'I was pro.', stance: 'pro' });
    await make.post(debate, { author: switcher, body: 'Now I am contra.', stance: 'contra' });
    const withSwitcher = await make.post(debate, { body: 'Up from a pro and the switcher' });
    const twoPros = await make.post(debate, { body: 'Up from two pros, and newer' });
    await votes(withSwitcher, [pro, switcher]);
    await votes(twoPros, [pro, otherPro]);
    // Were the switcher still pro, both would score 0 with score 2 and the newer would go first.
    expect(await order(debate, [withSwitcher, twoPros])).toEqual(idsOf([withSwitcher, twoPros]));
  });

  it('takes no side from a voter whose latest stance is neutral', async () => {
    const debate = await make.debate();
    const [pro, otherPro] = await takeSide(debate, 'pro', 2);
    const voter = await make.user();
    await make.post(debate, { author: voter, body: 'I was contra.', stance: 'contra' });
    await make.post(debate, { author: voter, body: 'Now I am unsure.', stance: 'neutral' });
    const withVoter = await make.post(debate, { body: 'Up from a pro and the voter' });
    const twoPros = await make.post(debate, { body: 'Up from two pros, and newer' });
    await votes(withVoter, [pro, voter]);
    await votes(twoPros, [pro, otherPro]);
    // Were the voter still contra, theirs would bridge and go first; with no side both score 0 at score 2, newer first.
    expect(await order(debate, [withVoter, twoPros])).toEqual(idsOf([twoPros, withVoter]));
  });

  it("ignores a hidden post when finding a voter's side", async () => {
    const debate = await make.debate();
    const [pro, otherPro] = await takeSide(debate, 'pro', 2);
    const voter = await make.user();
    await make.post(debate, { author: voter, body: 'I am contra.', stance: 'contra' });
    await make.hide(await make.post(debate, { author: voter, body: 'Now pro, but hidden.', stance: 'pro' }));
    const withVoter = await make.post(debate, { body: 'Up from a pro and the voter' });
    const twoPros = await make.post(debate, { body: 'Up from two pros, and newer' });
    await votes(withVoter, [pro, voter]);
    await votes(twoPros, [pro, otherPro]);
    // Were the hidden post their side, both would score 0 with score 2 and the newer would go first.
    expect(await order(debate, [withVoter, twoPros])).toEqual(idsOf([withVoter, twoPros]));
  });

  // The first five are the table in docs/COMMON_GROUND.md.
  describe('the rank formula in SQL', () => {
    it.each([
      ['no votes', 0, [0, 0, 0, 0]],
      ['10 pro up, no contra votes', 0, [10, 0, 0, 0]],
      ['1 pro up, 1 contra up', 333_333, [1, 0, 1, 0]],
      ['3 pro up, 3 contra up', 600_000, [3, 0, 3, 0]],
      ['20 pro up, 3 contra down', -600_000, [20, 0, 0, 3]],
      ['5 pro up, 1 contra up', 333_333, [5, 0, 1, 0]],
      ['1 pro up, 5 contra up', 333_333, [1, 0, 5, 0]],
      ['4 up and 1 down on each side', 428_571, [4, 1, 4, 1]],
      ['10 up on each side', 833_333, [10, 0, 10, 0]],
    ])('ranks %s at %i millionths', async (_case, rank, tally) => {
      const [row] = await sql<{ rank: string }>(
        `SELECT ${COMMON_GROUND_SQL} AS rank
         FROM (VALUES ($1::int, $2::int, $3::int, $4::int)) AS t(pro_up, pro_down, contra_up, contra_down)`,
        tally,
      );
      expect(Number(row.rank)).toBe(rank);
    });
  });
});
