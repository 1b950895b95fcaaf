/** Rounds to pence (2 dp, half away from zero), as every amount Sage stores. */
export function round2(value: number): number {
  const rounded = Math.round((Math.abs(value) + Number.EPSILON) * 100) / 100;
  return value < 0 ? -rounded : rounded;
}

export function sumOf(values: readonly number[]): number {
  return round2(values.reduce((total, value) => total + value, 0));
}
