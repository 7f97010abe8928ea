/** The templates the catalogue offers. */
export type TemplateId = "allocation" | "project-target" | "regional-target" | "self-evaluation" | "tracking-feedback" | "subject-codes";
