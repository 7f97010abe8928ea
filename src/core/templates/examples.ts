/** The 示例 of each template (filled in, with deliberate mistakes and a note sheet). */
import type { TemplateId } from "./catalogue";
import type { TemplateSheet } from "./model";
import type { TemplateOptions } from "./options";

export function buildExample(_id: TemplateId, _options: TemplateOptions): TemplateSheet[] {
  return [];
}
