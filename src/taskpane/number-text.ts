/**
 * A number the pane shows (应为, 表中为, 把 F5 改为 …) reads as the cell shows it in the grid: `1,420.90`
 * in a `#,##0.00` cell, not `1420.9`. Works on the decimal text itself (digits, half-up rounding), so the
 * pane's first download carries no decimal.js; anything but a plain number (percent, text, a formula)
 * and any format it does not understand is left exactly as it came.
 */

/** `1420.9` under `#,##0.00` → `1,420.90`. */
export function numberAsCellShows(text: string, numFmt: string | undefined): string {
  const m = /^([-+]?)(\d[\d,]*)(?:\.(\d+))?$/.exec(text.trim());
  const look = numberLook(numFmt);
  // General shows no thousands separators: a number the engine states as `1,420.90` reads `1420.90` there.
  if (m && !look && isGeneral(numFmt)) return text.trim().replace(/,/g, "");
  if (!m || !look) return text;
  const sign = m[1] === "-" ? "-" : "";
  const { int, frac } = roundHalfUp(m[2]!.replace(/,/g, ""), m[3] ?? "", look.places);
  const grouped = look.thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  const isZero = /^0*$/.test(int + frac);
  return `${isZero ? "" : sign}${grouped}${frac ? `.${frac}` : ""}`;
}

function isGeneral(numFmt: string | undefined): boolean {
  return !numFmt || /^general$/i.test(numFmt.trim());
}

interface NumberLook {
  places: number;
  thousands: boolean;
}

/** Decimal places and thousands separator of a plain number format (`0.00`, `#,##0`); null otherwise. */
function numberLook(numFmt: string | undefined): NumberLook | null {
  if (!numFmt || /^general$/i.test(numFmt.trim())) return null;
  const section = numFmt.split(";")[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  if (/[%@eE/]|[ymdhs]/i.test(section) || !/[0#]/.test(section)) return null;
  const decimals = /\.([0#?]+)/.exec(section);
  return { places: decimals ? decimals[1]!.length : 0, thousands: /[0#?],[0#?]/.test(section) };
}

/** Rounds digits half up (四舍五入) to `places` decimals, padding with zeros. */
function roundHalfUp(int: string, frac: string, places: number): { int: string; frac: string } {
  if (frac.length <= places) return { int: stripZeros(int), frac: frac.padEnd(places, "0") };
  const up = frac.charCodeAt(places) >= "5".charCodeAt(0);
  let digits = (int + frac.slice(0, places)).split("").map(Number);
  if (up) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i]!++;
    else digits = [1, ...digits];
  }
  const all = digits.join("");
  const cut = all.length - places;
  return { int: stripZeros(all.slice(0, cut)), frac: all.slice(cut) };
}

function stripZeros(int: string): string {
  return int.replace(/^0+(?=\d)/, "") || "0";
}
