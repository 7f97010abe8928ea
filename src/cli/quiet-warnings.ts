/** exceljs (bundled into the CLI, so no longer under node_modules) calls `new Buffer()`: Node's DEP0005
 *  warning would then reach the user on every run. That one warning is dropped; others pass. */
const emit = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const options = rest[0];
  const code = typeof options === "object" && options !== null ? (options as { code?: string }).code : rest[1];
  if (code === "DEP0005") return;
  return (emit as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
