/**
 * The adapter's narrow ET types (src/hosts/wps/et-model.ts) against Kingsoft's own typings
 * (devDependency `et-jsapi-declare`, used for type checking only): every member the adapter uses
 * must exist under that name in the real object model. `tsc --noEmit` (npm test) does the checking;
 * a misspelt member (`Value` for `Value2`, `MergeCell`) fails the type check here.
 */
/// <reference types="et-jsapi-declare" />
import { describe, expectTypeOf, it } from "vitest";
import type { EtApiEvent, EtApplication, EtComment, EtCustomXmlPart, EtCustomXmlParts, EtInterior, EtRange, EtSheets, EtWorkbook, EtWorksheet } from "../../src/hosts/wps/et-model";

/** Members of Narrow that Official lacks: must be `never`. */
type Missing<Narrow, Official> = Exclude<keyof Narrow, keyof Official>;

describe("wps typings", () => {
  it("wps: every ET member the adapter uses exists in et-jsapi-declare", () => {
    expectTypeOf<Missing<EtApplication, Et.Application & WPS.EtAddonRoot>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtApiEvent, WPS.EtApiEvent>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtWorkbook, Et.Workbook>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtSheets, Et.Sheets>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtWorksheet, Et.Worksheet>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtRange, Et.Range>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtInterior, Et.Interior>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtComment, Et.Comment>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtCustomXmlParts, Kso.CustomXMLParts>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<EtCustomXmlPart, Kso.CustomXMLPart>>().toEqualTypeOf<never>();
    // and the task-pane entry points main.js uses
    expectTypeOf<Missing<{ CreateTaskPane: 0; GetTaskPane: 0; PluginStorage: 0 }, WPS.AddonRoot>>().toEqualTypeOf<never>();
  });
});
