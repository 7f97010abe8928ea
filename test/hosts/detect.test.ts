import { describe, expect, it } from "vitest";
import { detectHost, detectHostKind, wpsEtApplication } from "../../src/hosts/detect";

const etApplication = { ActiveWorkbook: null, Worksheets: {}, Range: () => ({}) };
const officeWith = (host: string | null) => ({ onReady: async () => ({ host, platform: host ? "PC" : null }) });

describe("detectHost", () => {
  it("Excel when Office.js reports the Excel host", async () => {
    expect(await detectHost({ Office: officeWith("Excel") })).toBe("excel");
  });

  it("the playground when Office.js runs outside Office (onReady says host: null)", async () => {
    expect(await detectHost({ Office: officeWith(null) })).toBe("playground");
  });

  it("the playground when onReady never settles (bounded wait)", async () => {
    const started = Date.now();
    expect(await detectHost({ Office: { onReady: () => new Promise(() => {}) } }, 30)).toBe("playground");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("WPS from its ET Application global, also when Office.js is on the page without a host", async () => {
    expect(await detectHost({ Application: etApplication })).toBe("wps");
    expect(await detectHost({ Office: officeWith(null), Application: etApplication })).toBe("wps");
    expect(await detectHost({ wps: { EtApplication: () => etApplication } })).toBe("wps");
  });

  it("not WPS for an unrelated global named Application, or a throwing accessor", async () => {
    expect(await detectHost({ Application: { name: "my app" } })).toBe("playground");
    const throwing = { get Application(): unknown { throw new Error("not ready"); } };
    expect(await detectHost(throwing)).toBe("playground");
    expect(wpsEtApplication({ wps: { EtApplication: () => { throw new Error("no document"); } }, Application: etApplication })).toBe(etApplication);
  });

  it("the playground in a plain page", async () => {
    expect(await detectHost({})).toBe("playground");
    expect(detectHostKind({}, null)).toBe("playground");
  });
});
