/**
 * The one Decimal used for every amount and ratio: 40 significant digits, round half up (四舍五入).
 * Never use JS floats for money.
 */
import Decimal from "decimal.js";

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/** Exact decimal for a stored JS number: 15 significant digits drop float noise (0.30000000000000004 → 0.3). */
export function fromNumber(n: number): Dec {
  return new Dec(Number.isInteger(n) ? n : Number(n.toPrecision(15)));
}

export function roundHalfUp(x: Dec, places: number): Dec {
  return x.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** Fixed-point text at `places` decimals, or the shortest exact text when places is undefined. */
export function formatDec(x: Dec, places?: number): string {
  return places === undefined ? x.toFixed() : x.toFixed(places, Dec.ROUND_HALF_UP);
}

/** Half a unit of the given number of decimals: the most one rounding can move a value. */
export function halfUnit(places: number): Dec {
  return new Dec(5).times(new Dec(10).pow(-(places + 1)));
}
