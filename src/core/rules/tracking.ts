/** Rules of the 跟踪反馈表 checks (src/core/tracking); their arithmetic reports allocation/* rules. */
import { overspentRule, rateAsPointsRule } from "../tracking/check";

export const TRACKING_RULES = [overspentRule, rateAsPointsRule] as const;
