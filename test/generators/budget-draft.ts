/**
 * Building generated budget sheets cell by cell: a Draft per sheet (texts, merges, money cells) and a
 * BudgetBuild that keeps every money cell as a ModelCell and every relation the tables state, with the
 * tolerance the engine's rounding allowance gives (nothing beyond exact sums is legitimate here: the
 * generator's figures add up exactly).
 */
import { a1 } from "../../src/core/address";
import type { CellRange, CellSnapshot, SheetSnapshot } from "../../src/core/snapshot";
import type { BudgetSpec } from "./budget-spec";
import { D, type ModelCell, type Relation, unitOf } from "./model";

export class BudgetBuild {
  readonly cells = new Map<string, ModelCell>();
  readonly relations: Relation[] = [];
  readonly sheets: SheetSnapshot[] = [];
  readonly dp: number;
  readonly numFmt: string;

  /** Amounts are kept in whole 元 and each cell shows them rounded to 0.01 万元 (unit `wan2r`). */
  readonly fromYuan: boolean;

  /** Cells whose amount before rounding (unit `wan2r`) was not 0. */
  readonly typedNonzero = new Set<string>();

  constructor(readonly spec: BudgetSpec) {
    this.dp = spec.unit === "yuan0" ? 0 : 2;
    this.fromYuan = spec.unit === "wan2r";
    this.numFmt = this.dp === 0 ? "#,##0" : spec.titleVariant % 2 === 0 ? "#,##0.00" : "0.00";
  }

  draft(name: string): Draft {
    const d = new Draft(uniqueName(name, this.sheets.map((s) => s.name)), this.sheets.length, this);
    this.sheets.push(d.sheet);
    return d;
  }

  value(minor: number, dp = this.dp): D {
    return new D(minor).div(new D(10).pow(dp));
  }

  formatOf(dp: number): string {
    return dp === this.dp ? this.numFmt : dp === 0 ? "#,##0" : "0.00";
  }

  /** target = Σ terms, stated by the table (a 合计 line or column, a 类 over its 款, a rule between tables). */
  sum(target: string | undefined, terms: (string | undefined)[], label: string): void {
    if (!target || terms.length === 0 || terms.some((t) => t === undefined)) return;
    const ids = terms as string[];
    if (ids.includes(target)) return;
    const cells = [target, ...ids].map((id) => this.cells.get(id)!);
    if (cells.every((c) => c.clean === null)) return; // blank = blank: nothing stated
    // Parts rounded one by one from 元: a part under half a unit shows 0 (or blank) and still adds its share.
    const nonzero = ids.filter((id) => this.typedNonzero.has(id) || !(this.cells.get(id)!.clean ?? new D(0)).isZero()).length;
    // What the engine calls rounding, and what rounding each cell on its own can really make (n rounded parts
    // and the rounded total: under (n + 1) / 2 units; a figure copied from another table: none).
    const engine = Math.max(1, Math.floor(Math.sqrt(3 * (nonzero + 1)) / 2));
    const rounding = this.fromYuan && nonzero > 1 ? Math.floor((nonzero + 1) / 2) : 0;
    const unit = unitOf(cells[0]!.dp);
    this.relations.push({
      kind: ids.length === 1 ? "equal" : "sum",
      target,
      terms: ids,
      legit: unit.times(rounding),
      clear: unit.times(Math.max(engine, rounding)),
      stated: true,
      label,
    });
  }
}

function uniqueName(name: string, taken: string[]): string {
  const base = name.slice(0, 31);
  let out = base;
  for (let i = 2; taken.includes(out); i++) out = `${base.slice(0, 28)}(${i})`;
  return out;
}

export class Draft {
  readonly sheet: SheetSnapshot;
  /** Next free row. */
  row = 0;

  constructor(
    readonly name: string,
    readonly index: number,
    readonly build: BudgetBuild,
  ) {
    this.sheet = { name, rows: [], merges: [] };
  }

  /** Sheet column of a table column (spec.leftMargin: an empty column A). */
  private col(c: number): number {
    return this.margin + c;
  }

  private get margin(): number {
    return this.build.spec.leftMargin && !this.document ? 1 : 0;
  }

  /** A cover or 目录 sheet: no margin. */
  document = false;

  set(r: number, c: number, cell: CellSnapshot): void {
    const row = (this.sheet.rows[r] ??= []);
    row[this.col(c)] = cell;
  }

  text(r: number, c: number, text: string | number): void {
    if (text === "") return;
    this.set(r, c, { value: text });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.sheet.merges.push({ top, left: this.col(left), bottom, right: this.col(right) } satisfies CellRange);
  }

  /** Makes a written money cell a live formula over other cells of this sheet (`E7+E10`), as Excel saves it. */
  live(id: string, terms: string[]): void {
    const cell = this.build.cells.get(id)!;
    if (terms.every((t) => this.build.cells.get(t)!.clean === null)) return; // nothing to add up: left blank
    const formula = terms.map((t) => t.slice(t.indexOf("!") + 1)).join("+");
    cell.live = { terms, formula };
    const value = terms.reduce((s, t) => s.plus(this.build.cells.get(t)!.clean ?? 0), this.build.value(0));
    (this.sheet.rows[cell.row] ??= [])[cell.col] = { value: value.toNumber(), formula, numFmt: cell.numFmt ?? this.build.numFmt };
  }

  /** A money cell: blank (or a dash) when zero and the office prints nothing for zero. Returns its id. */
  money(r: number, c: number, yuanOrMinor: number, dp = this.build.dp): string {
    const id = `${this.name}!${a1(r, this.col(c))}`;
    const minor = this.build.fromYuan && dp === this.build.dp ? Math.floor(yuanOrMinor / 100 + 0.5) : yuanOrMinor;
    if (this.build.fromYuan && dp === this.build.dp && yuanOrMinor !== 0) this.build.typedNonzero.add(id);
    const zeros = this.build.spec.zeros;
    const blank = minor === 0 && zeros !== "zero";
    const clean = blank ? null : this.build.value(minor, dp);
    const numFmt = this.build.formatOf(dp);
    this.build.cells.set(id, {
      id,
      sheet: this.name,
      sheetIndex: this.index,
      address: a1(r, this.col(c)),
      row: r,
      col: this.col(c),
      clean,
      dp,
      numFmt,
      amount: true,
      group: null,
    });
    if (clean !== null) this.set(r, c, { value: clean.toNumber(), numFmt });
    else if (zeros === "dash") this.set(r, c, { value: this.build.spec.titleVariant % 2 ? "—" : "-" });
    return id;
  }
}
