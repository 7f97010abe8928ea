import { describe, expect, it } from "vitest";
import { qualifiedAddress, splitQualified } from "../../src/core/address";

describe("sheet-qualified addresses", () => {
  it("writes plain names bare and quotes the rest", () => {
    expect(qualifiedAddress("附件1", "C7")).toBe("附件1!C7");
    expect(qualifiedAddress("表1 收支总表", "C7")).toBe("'表1 收支总表'!C7");
    expect(qualifiedAddress("Bob's", "A1")).toBe("'Bob''s'!A1");
    expect(qualifiedAddress("2024", "A1")).toBe("'2024'!A1");
    expect(qualifiedAddress("AB12", "A1")).toBe("'AB12'!A1");
  });
  it("reads back what it writes, and bare cells on the current sheet", () => {
    for (const name of ["附件1", "表1 收支总表", "Bob's", "a!b"]) {
      expect(splitQualified(qualifiedAddress(name, "D9"), "x")).toEqual({ sheet: name, cell: "D9" });
    }
    expect(splitQualified("C7", "附件2")).toEqual({ sheet: "附件2", cell: "C7" });
  });
});
