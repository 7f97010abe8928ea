/**
 * The few entry points of Office.js the Excel adapter needs, in a module of their own: excel-host.ts and
 * the helpers it uses (cell-contents.ts, addin-data.ts) all import this one, not each other.
 */

/** Office.js classes whose members the adapter feature-detects. */
export type OfficeClass = "Workbook" | "Worksheet" | "Range" | "RangeFill" | "Runtime" | "Comment";

/** The few entry points of Office.js the adapter needs, injectable for tests. */
export interface ExcelRuntime {
  /** `Excel.run(options, batch)`. */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Excel.run(context, batch)`: event handlers must be removed on the context that added them. */
  runInContext<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  isSetSupported(version: string): boolean;
  /** The loaded Office.js has `member` on the class (Office.js defines members on the prototypes). */
  defines(type: OfficeClass, member: string): boolean;
}

/** The real Office.js runtime. The globals are read when called, not when this module is imported. */
export function officeRuntime(): ExcelRuntime {
  return {
    run: (options, batch) => Excel.run(options, batch),
    runInContext: (context, batch) => Excel.run(context, batch),
    isSetSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    defines: (type, member) => {
      const cls = (Excel as unknown as Record<string, unknown>)[type];
      return typeof cls === "function" && member in (cls as { prototype: object }).prototype;
    },
  };
}
