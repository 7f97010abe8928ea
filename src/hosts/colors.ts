/**
 * Fill colours between the hosts' notations: the interface speaks `#RRGGBB`; Office.js also answers
 * with `#rrggbb`; WPS's `Interior.Color` is a number in BGR order (0xBBGGRR).
 */

/** `#abc`, `abcdef`, `#ABCDEF` → `#ABCDEF`; anything else (a named colour) → undefined. */
export function normalizeHexColor(color: string): string | undefined {
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (ch) => ch + ch);
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}

/** `#RRGGBB` → WPS/VBA `Interior.Color` (BGR). */
export function hexToBgr(color: string): number {
  const hex = normalizeHexColor(color);
  if (!hex) throw new RangeError(`not a #RRGGBB colour: ${color}`);
  const rgb = parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** WPS/VBA `Interior.Color` (BGR) → `#RRGGBB`. */
export function bgrToHex(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}
