/** Public API of the template catalogue (task pane, CLI, tests). */
export { TEMPLATES, buildTemplate, findTemplate } from "./catalogue";
export type { BuildOptions, TemplateId, TemplateInfo } from "./catalogue";
export type { TemplateCell, TemplateSheet, TemplateStyle, ValidationRule } from "./model";
export type { AllocationSource, MoneyUnit, SourceColumn, TemplateOptions } from "./options";
export { prefillFromWorkbook, readAllocationSource } from "./prefill";
export type { Prefill, PrefillChoices } from "./prefill";
export { templateToSnapshot, templatesToWorkbook } from "./snapshot";
export { parseColumnSpecs } from "./column-specs";
