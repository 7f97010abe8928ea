/** How the performance rules write numbers in their messages. */
import type { Dec } from "../decimal";

/** A number as a finance officer writes it: no trailing zeros beyond what was typed. */
export function show(value: Dec, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}

/** A text the same in both languages except for the indicator's name: 「救助人数」 / 救助人数. */
export function quoted(zh: string, en: string = zh): { zh: string; en: string } {
  return { zh: `「${zh}」`, en };
}
