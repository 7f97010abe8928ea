/** Shapes of a column rule that decide where it applies and how its result is scaled. */
import type { Expr } from "../expr/annotation";

function hasColumn(expr: Expr): boolean {
  if (expr.type === "col") return true;
  if (expr.type === "bin") return hasColumn(expr.left) || hasColumn(expr.right);
  return expr.type === "neg" ? hasColumn(expr.arg) : false;
}

/** a×b of two columns: Σ(a×b) ≠ Σa × Σb, so such a rule does not hold in total rows. */
export function hasColumnProduct(expr: Expr): boolean {
  if (expr.type === "bin") {
    if (expr.op === "*" && hasColumn(expr.left) && hasColumn(expr.right)) return true;
    return hasColumnProduct(expr.left) || hasColumnProduct(expr.right);
  }
  return expr.type === "neg" ? hasColumnProduct(expr.arg) : false;
}

/** ×100 written without % (`3=2/1×100`): the rule yields percentage points. */
export function containsBareHundred(expr: Expr): boolean {
  if (expr.type === "num") return expr.value === "100" && expr.unit !== "%";
  if (expr.type === "bin") return containsBareHundred(expr.left) || containsBareHundred(expr.right);
  return expr.type === "neg" ? containsBareHundred(expr.arg) : false;
}

/** Sums, differences and constant multiples of columns: the rule on a total row is the sum of its rows'. */
export function isLinear(expr: Expr): boolean {
  switch (expr.type) {
    case "col":
    case "num":
      return true;
    case "neg":
      return isLinear(expr.arg);
    case "bin":
      if (expr.op === "+" || expr.op === "-") return isLinear(expr.left) && isLinear(expr.right);
      if (expr.op === "*") return isLinear(expr.left) && isLinear(expr.right) && !(hasColumn(expr.left) && hasColumn(expr.right));
      return isLinear(expr.left) && !hasColumn(expr.right);
    default:
      return false;
  }
}
