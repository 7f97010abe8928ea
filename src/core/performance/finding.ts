/** How the performance rules write numbers in their messages. */
import type { Dec } from "../decimal";

/** A number as a finance officer writes it: no trailing zeros beyond what was typed. */
export function show(value: Dec, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}

