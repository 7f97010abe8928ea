import { describe, expect, it } from "vitest";
import { bgrToHex, hexToBgr, normalizeHexColor } from "../../src/hosts/colors";
import { OwnChangeGuard } from "../../src/hosts/own-changes";
import { freeSheetName, validSheetName } from "../../src/hosts/sheet-names";

describe("sheet names", () => {
  it("finds a free name, case-insensitively, within 31 characters", () => {
    expect(freeSheetName("审核结果", [])).toBe("审核结果");
    expect(freeSheetName("审核结果", ["审核结果", "审核结果 (2)"])).toBe("审核结果 (3)");
    expect(freeSheetName("Sheet1", ["SHEET1"])).toBe("Sheet1 (2)");
    expect(freeSheetName("History", [])).toBe("History (2)");
    const long = "很长的工作表名称".repeat(5);
    const name = freeSheetName(long, [long.slice(0, 31)]);
    expect(name).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });

  it("makes names Excel accepts", () => {
    expect(validSheetName("2024/12 [终稿]")).toBe("2024_12 _终稿_");
    expect(validSheetName("'引号'")).toBe("引号");
    expect(validSheetName("  ")).toBe("Sheet");
  });
});

describe("colours", () => {
  it("normalises hex and converts to and from WPS's BGR", () => {
    expect(normalizeHexColor("#ffeb9c")).toBe("#FFEB9C");
    expect(normalizeHexColor("f00")).toBe("#FF0000");
    expect(normalizeHexColor("yellow")).toBeUndefined();
    expect(hexToBgr("#FF0000")).toBe(0x0000ff);
    expect(hexToBgr("#123456")).toBe(0x563412);
    expect(bgrToHex(0x563412)).toBe("#123456");
  });
});

describe("OwnChangeGuard", () => {
  it("counts as own while work runs and for the grace period after", async () => {
    let now = 1000;
    const guard = new OwnChangeGuard(300, () => now);
    expect(guard.isOwnChangeTime()).toBe(false);
    let during = false;
    await guard.run(async () => {
      during = guard.isOwnChangeTime();
    });
    expect(during).toBe(true);
    now += 299;
    expect(guard.isOwnChangeTime()).toBe(true);
    now += 2;
    expect(guard.isOwnChangeTime()).toBe(false);
  });
});
