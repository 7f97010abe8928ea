/**
 * The outline of uncoded lines (表1/表4 收入 side, 表10, 表11): `一、` lines on top, `1.` lines under
 * them, `其中：` lines (and the unnumbered lines after them) under the line before. A line without a
 * number sits one level under the last numbered line.
 */
import { normalizeLabel } from "../text";
/** What the outline needs of a budget line (OutlineLine in read.ts has these). */
export interface OutlineLine {
  name: string;
  code?: unknown;
  total: boolean;
  subtotal: boolean;
  ofWhich: boolean;
  level: number;
}

const LEVEL1 = /^[一二三四五六七八九十]+[、.]/;
const LEVEL2 = /^(\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]+[)）])(?!\d)/;
const OF_WHICH = /^其中[:：]?/;

/** Numbering styles, each a level of its own: 一、 / （一） / 1. / （1）. */
const STYLES: [string, RegExp][] = [
  ["一、", LEVEL1],
  ["（一）", /^[(（][一二三四五六七八九十]+[)）]/],
  ["1.", /^\d{1,2}[.、．](?!\d)/],
  ["（1）", /^[(（]\d{1,2}[)）]/],
];

function styleOf(label: string): string | null {
  for (const [style, pattern] of STYLES) if (pattern.test(label)) return style;
  return null;
}

/**
 * Levels from the numbering: a style seen before goes back to its level (siblings), a new style goes
 * one level down. 其中 lines sit under the line before them. After 本年收入合计, an unnumbered line
 * (年初财政拨款结转和结余) heads the numbered lines that follow it.
 */
export function assignLevels(lines: OutlineLine[]): void {
  let stack: string[] = [];
  let base = 0; // levels above the numbering (the unnumbered head after a subtotal)
  let ofWhichLevel = 0;
  let afterSubtotal = false;
  let previous: OutlineLine | null = null;
  for (const line of lines) {
    if (line.subtotal) {
      stack = [];
      base = ofWhichLevel = 0;
      afterSubtotal = true;
    }
    if (line.code || line.total || line.subtotal) continue;
    const label = normalizeLabel(line.name);
    const style = styleOf(label);
    if (style) {
      const at = stack.indexOf(style);
      if (at >= 0) stack = stack.slice(0, at + 1);
      else stack.push(style);
      line.level = base + stack.length;
      ofWhichLevel = 0;
    } else if (OF_WHICH.test(label) && previous) {
      line.level = ofWhichLevel = previous.level + 1;
      line.ofWhich = true;
    } else if (ofWhichLevel > 0) {
      line.level = ofWhichLevel;
      line.ofWhich = true;
    } else if (afterSubtotal) {
      line.level = 1;
      stack = [];
      base = 1;
    } else {
      line.level = base + stack.length + 1;
    }
    previous = line;
  }
}

/** The label without its number or `其中：` (`1.一般公共预算拨款` → `一般公共预算拨款`). */
/** Lines are looked up by their bare name across tables, again and again: each name is stripped once. */
const bare = new Map<string, string>();

export function bareLabel(name: string): string {
  let label = bare.get(name);
  if (label === undefined) {
    label = normalizeLabel(name).replace(LEVEL1, "").replace(LEVEL2, "").replace(OF_WHICH, "").replace(/[(（]小计[)）]$/, "");
    if (bare.size > 20000) bare.clear();
    bare.set(name, label);
  }
  return label;
}
