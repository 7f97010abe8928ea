/** How the performance rules write numbers in their messages. */
import { type Dec, roundHalfUp } from "../decimal";
import { parseNumFmt } from "../format";
import type { AmountCell } from "./form";

/** A number as a finance officer writes it: no trailing zeros beyond what was typed. */
export function show(value: Dec, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}


/**
 * A number of a funding cell as that cell shows it: at its format's decimals (`0.00` → 18650.50, 相差 90.00), as many
 * as were typed in a number typed as text, else (General) with no trailing zeros (300, not 300.0, beside 430.5).
 * Never fewer decimals than the value has once rounded at `places`.
 */
export function showIn(value: Dec, amount: AmountCell | undefined, places: number): string {
  const rounded = roundHalfUp(value, places);
  const info = parseNumFmt(amount?.numFmt);
  const fixed = info.decimals !== null && !info.percent && !info.isText ? info.decimals : amount?.typedPlaces;
  return fixed === undefined ? rounded.toFixed() : rounded.toFixed(Math.max(fixed, rounded.decimalPlaces()));
}
