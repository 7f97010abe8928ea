/** What the registry, the pane, the CLI report and the README read of a rule (see define.ts). */
export type { RuleMeta } from "./define";
