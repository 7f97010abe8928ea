/**
 * The read phase of a workbook check: every sheet classified once, and each model a check needs read
 * once and shared (an allocation table is needed by its own check, by the target tables that copy it
 * and by tracking tables; a target sheet's forms by its check, the reconciliation and the weight
 * convention). One reading lives for one check only: hosts may change a snapshot between checks.
 */
import { type AllocationModel, buildAllocationModel } from "../allocation/model";
import { type SheetKind, classifySheet } from "../kinds";
import type { PerformanceForm } from "../performance/form";
import { readPerformanceForms } from "../performance/read-forms";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";

export class WorkbookReading {
  readonly kinds: ReadonlyMap<string, SheetKind>;
  private readonly allocations = new Map<SheetSnapshot, AllocationModel | null>();
  private readonly forms = new Map<SheetSnapshot, PerformanceForm[]>();

  constructor(readonly workbook: WorkbookSnapshot) {
    this.kinds = new Map(workbook.sheets.map((s) => [s.name, classifySheet(s)]));
  }

  kindOf(sheet: SheetSnapshot): SheetKind {
    return this.kinds.get(sheet.name) ?? "other";
  }

  sheetsOf(kind: SheetKind): SheetSnapshot[] {
    return this.workbook.sheets.filter((s) => this.kinds.get(s.name) === kind);
  }

  /** The allocation model of a sheet, or null when it cannot be read as one. */
  allocation(sheet: SheetSnapshot): AllocationModel | null {
    if (!this.allocations.has(sheet)) {
      let model: AllocationModel | null = null;
      try {
        model = buildAllocationModel(sheet);
      } catch {
        model = null;
      }
      this.allocations.set(sheet, model);
    }
    return this.allocations.get(sheet)!;
  }

  performanceForms(sheet: SheetSnapshot): PerformanceForm[] {
    let forms = this.forms.get(sheet);
    if (!forms) {
      try {
        forms = readPerformanceForms(sheet);
      } catch {
        forms = [];
      }
      this.forms.set(sheet, forms);
    }
    return forms;
  }
}
