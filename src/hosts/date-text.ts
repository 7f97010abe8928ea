/**
 * Dates as every host hands them to the core: `YYYY-MM-DD`; with a time of day `YYYY-MM-DDTHH:MM:SS`; a pure
 * time (serial < 1) `HH:MM:SS` — the same arithmetic as exceljs, so the readers and hosts agree.
 */

/** A JavaScript date as that text; null for an invalid date. */
export function dateToIsoText(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const rounded = new Date(Math.round(t / 1000) * 1000);
  if (Number.isNaN(rounded.getTime())) return null;
  const iso = rounded.toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z (years 0–9999)
  const datePart = iso.slice(0, 10);
  const timePart = iso.slice(11, 19);
  if (timePart === "00:00:00") return datePart;
  if (rounded.getUTCFullYear() < 1900) return timePart;
  return `${datePart}T${timePart}`;
}

/** An Excel date serial (1900 system, or 1904) as that text; null when it is no date. */
export function serialToIsoText(serial: number, date1904 = false): string | null {
  return dateToIsoText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}
