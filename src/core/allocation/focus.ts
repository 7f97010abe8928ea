/** Rows (indexes into model.rows) and columns whose relations need the full treatment (see screen.ts). */
export interface Focus {
  rows: Set<number>;
  cols: Set<number>;
}
