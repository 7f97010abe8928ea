/**
 * Telling the add-in's own edits from the user's when the host cannot tag them (Excel below
 * ExcelApi 1.14, WPS): while the add-in writes, and for a short grace period after (change events
 * arrive after the write has returned), every change event is taken as the add-in's own.
 * The cost: a user edit in that same instant is not re-checked until the next edit.
 */
export class OwnChangeGuard {
  private active = 0;
  private quietUntil = 0;

  constructor(
    private readonly graceMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.quietUntil = this.now() + this.graceMs;
    }
  }

  /** True while own work runs or within the grace period after it. */
  isOwnChangeTime(): boolean {
    return this.active > 0 || this.now() < this.quietUntil;
  }
}
