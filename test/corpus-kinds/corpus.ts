/** Reading the real published tables of ../shared/corpus (never copied into the repository). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import type { WorkbookSnapshot } from "../../src/core/snapshot";

export const CORPUS = join(__dirname, "../../../shared/corpus");

export const corpusPresent = existsSync(CORPUS);

export async function loadCorpus(file: string): Promise<WorkbookSnapshot> {
  return readXlsxBuffer(readFileSync(join(CORPUS, file)));
}

export function corpusBytes(file: string): Uint8Array {
  return readFileSync(join(CORPUS, file));
}
