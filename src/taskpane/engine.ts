/** The engine as the pane loads it in-process (one lazily loaded chunk): the check and its extras. */
export { checkWorkbook } from "../core/check";
export { paneExtras } from "./check-extras";
