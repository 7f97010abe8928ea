/** Writing output files: to a temporary name beside the target, renamed only when complete, so an
 *  interrupted run never leaves half a workbook under the name the user asked for. */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: "wx" });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
