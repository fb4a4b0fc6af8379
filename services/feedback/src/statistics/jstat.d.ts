// jstat 1.9 ships no types: only what the feedback service calls.
declare module 'jstat' {
  export const jStat: {
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
  };
}
