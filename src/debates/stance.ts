/** The side a top-level post takes in a debate; debates count their posts by it. */
export const STANCES = ['pro', 'contra', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];
