/** The expression of a column rule (`4=2×3×50元/10000`), as parsed by annotation.ts. */
export type Expr =
  /** A column number "2" or a letter "A". */
  | { type: "col"; ref: string }
  /** A constant; "50元" -> value "50" unit "元"; "100%" -> value "1" unit "%". integer: written without decimals. */
  | { type: "num"; value: string; unit?: string; integer: boolean }
  | { type: "bin"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr }
  | { type: "neg"; arg: Expr };
