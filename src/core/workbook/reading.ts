/**
 * The read phase of a workbook check: every sheet classified once, and each model a check needs read
 * once and shared (an allocation table is needed by its own check, by the target tables that copy it
 * and by tracking tables; a target sheet's forms by its check, the reconciliation, the weight
 * convention and the budget tables' target rules; the budget tables' relations by the budget check and
 * by the target forms they confirm). One reading lives for one check only: hosts may change a snapshot
 * between checks.
 */
import { type AllocationModel, buildAllocationModel } from "../allocation/model";
import { budgetRelations } from "../budget/analyze";
import { type BudgetWorkbook, budgetTables } from "../budget/reconcile";
import { targetTablesOf } from "../budget/target-rules";
import { type SheetKind, classifySheet } from "../kinds";
import type { PerformanceForm } from "../performance/form";
import { copiedFigures } from "../performance/links";
import { readPerformanceForms } from "../performance/read-forms";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { partFromTop, splitStackedTables } from "../table/stacked";
import { confirmStructure } from "./confirmed-structure";

export class WorkbookReading {
  readonly kinds: ReadonlyMap<string, SheetKind>;
  private readonly allocations = new Map<SheetSnapshot, AllocationModel | null>();
  private readonly parts = new Map<SheetSnapshot, SheetSnapshot[]>();
  private readonly forms = new Map<SheetSnapshot, PerformanceForm[]>();
  private budgetModel: BudgetWorkbook | undefined;

  constructor(readonly workbook: WorkbookSnapshot) {
    this.kinds = new Map(workbook.sheets.map((s) => [s.name, classifySheet(s)]));
  }

  kindOf(sheet: SheetSnapshot): SheetKind {
    return this.kinds.get(sheet.name) ?? "other";
  }

  /** The sheets of a kind; an allocation sheet with tables stacked on it gives each of its tables (allocationParts). */
  sheetsOf(kind: SheetKind): SheetSnapshot[] {
    const sheets = this.workbook.sheets.filter((s) => this.kinds.get(s.name) === kind);
    return kind === "allocation" ? sheets.flatMap((s) => this.allocationParts(s)) : sheets;
  }

  /**
   * The allocation tables of a sheet: the sheet itself, or, where tables are stacked on it (table/stacked.ts), each
   * table that reads as an allocation on its own, as a part of the sheet (same name, the cells at their addresses).
   * A stacked table of another kind (a 分配因素 list, a form) is left alone.
   */
  allocationParts(sheet: SheetSnapshot): SheetSnapshot[] {
    let parts = this.parts.get(sheet);
    if (!parts) {
      parts = [sheet];
      if (this.kindOf(sheet) === "allocation") {
        try {
          const split = splitStackedTables(sheet);
          if (split.length > 1) {
            const tables = split.filter((part) => classifySheet(partFromTop(part)) === "allocation");
            if (tables.length > 0) parts = tables;
          }
        } catch {
          parts = [sheet];
        }
      }
      this.parts.set(sheet, parts);
    }
    return parts;
  }

  /** The allocation model of a sheet, or null when it cannot be read as one. Its structure is as the target
   *  forms of the workbook bear it out (a prefecture typed wrong over counties adding up to its copy). */
  allocation(sheet: SheetSnapshot): AllocationModel | null {
    if (!this.allocations.has(sheet)) {
      let model: AllocationModel | null = null;
      try {
        model = buildAllocationModel(sheet);
      } catch {
        model = null;
      }
      if (model) {
        try {
          const targets = this.sheetsOf("performance-target").map((s) => ({ sheet: s, forms: this.performanceForms(s) }));
          if (targets.length > 0) confirmStructure(model, copiedFigures(sheet, model, targets));
        } catch {
          // Targets that cannot be read leave the structure as the allocation's own numbers read it.
        }
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

  /**
   * The budget tables (first of each type) and every relation among them and the target forms: row
   * sums, roll-ups, the balance, the cross-table and target equalities. Read once for the budget check
   * and for the target forms the budget tables confirm.
   */
  budget(): BudgetWorkbook {
    if (!this.budgetModel) {
      let model: BudgetWorkbook;
      try {
        const tables = budgetTables(this.sheetsOf("budget-table"));
        const targets = tables.length === 0 ? [] : targetTablesOf(this.sheetsOf("performance-target").map((s) => ({ sheet: s.name, forms: this.performanceForms(s) })));
        model = { tables, targets, relations: budgetRelations(tables, targets) };
      } catch {
        model = { tables: [], targets: [], relations: budgetRelations([]) };
      }
      this.budgetModel = model;
    }
    return this.budgetModel;
  }
}
