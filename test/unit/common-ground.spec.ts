import { commonGroundScore, SCALE, support } from '../../src/posts/common-ground';

const votes = (proUp = 0, proDown = 0, contraUp = 0, contraDown = 0) => ({ proUp, proDown, contraUp, contraDown });

describe('common-ground rank', () => {
  it('is 0 for a post without votes', () => {
    expect(commonGroundScore(votes())).toBe(0);
  });

  it('ranks a post liked by both camps above one only one camp likes, even with fewer votes', () => {
    const bridging = commonGroundScore(votes(1, 0, 1, 0));
    const oneSided = commonGroundScore(votes(10, 0, 0, 0));
    expect(bridging).toBeGreaterThan(oneSided);
  });

  it('scores the approval of the camp that likes the post least', () => {
    expect(commonGroundScore(votes(5, 0, 1, 0))).toBe(Math.round(SCALE * support(1, 0)));
    expect(commonGroundScore(votes(1, 0, 5, 0))).toBe(Math.round(SCALE * support(1, 0)));
  });

  it('punishes a post that one camp rejects, however much the other loves it', () => {
    expect(commonGroundScore(votes(20, 0, 0, 3))).toBeLessThan(0);
  });

  it('grows with agreement on both sides', () => {
    expect(commonGroundScore(votes(3, 0, 3, 0))).toBeGreaterThan(commonGroundScore(votes(1, 0, 1, 0)));
  });

  it('shrinks small samples towards 0', () => {
    expect(support(1, 0)).toBeCloseTo(1 / 3);
    expect(support(10, 0)).toBeCloseTo(10 / 12);
    expect(support(0, 0)).toBe(0);
  });
});
