import { countPeople, opinionShift, tally } from '../../src/sessions/report/opinion-shift';

const answers = (...pairs: [string, number][]) => pairs.map(([userId, optionIndex]) => ({ userId, optionIndex }));

describe('opinion shift', () => {
  it('counts who moved from which option to which, for people who answered both', () => {
    const shift = opinionShift(2, answers(['a', 0], ['b', 0], ['c', 1]), answers(['a', 1], ['b', 0], ['c', 1]));
    expect(shift).toEqual({
      matrix: [
        [1, 1],
        [0, 1],
      ],
      paired: 3,
      changed: 1,
      net: [-1, 1],
      onlyBefore: 0,
      onlyAfter: 0,
    });
  });

  it('leaves people who answered only one poll out of the matrix but counts them in net', () => {
    const shift = opinionShift(3, answers(['a', 0], ['gone', 2]), answers(['a', 0], ['new', 1], ['late', 1]));
    expect(shift.matrix).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(shift.paired).toBe(1);
    expect(shift.changed).toBe(0);
    expect(shift.net).toEqual([0, 2, -1]);
    expect(shift.onlyBefore).toBe(1);
    expect(shift.onlyAfter).toBe(2);
  });

  it('is all zeros when nobody answered', () => {
    expect(opinionShift(2, [], [])).toEqual({
      matrix: [
        [0, 0],
        [0, 0],
      ],
      paired: 0,
      changed: 0,
      net: [0, 0],
      onlyBefore: 0,
      onlyAfter: 0,
    });
  });

  it('counts everyone who changed, whatever the direction', () => {
    const shift = opinionShift(3, answers(['a', 0], ['b', 1], ['c', 2]), answers(['a', 2], ['b', 0], ['c', 1]));
    expect(shift.changed).toBe(3);
    expect(shift.net).toEqual([0, 0, 0]);
    expect(shift.matrix.flat().reduce((sum, n) => sum + n, 0)).toBe(3);
  });

  it('tallies votes per option', () => {
    expect(tally(answers(['a', 1], ['b', 1], ['c', 0]), 3)).toEqual([1, 2, 0]);
  });

  it('counts distinct people over every way of taking part', () => {
    expect(countPeople(['a', 'b'], ['b', 'c'], [], ['a'])).toBe(3);
    expect(countPeople()).toBe(0);
  });
});
