/**
 * The shared host conformance suite on the WPS host over the fake ET object model (`-t wps`).
 */
import { WpsHost } from "../../src/hosts/wps/wps-host";
import { hostConformance } from "./conformance";
import { FakeEt } from "./fake-et";

const GRACE_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

hostConformance("wps (WPS ET object model, fake)", (seed, fills) => {
  const fake = new FakeEt(seed, { fills });
  const host = new WpsHost(fake.application, { ownChangeGraceMs: GRACE_MS });
  return {
    host,
    userEdit: (sheet, cell, value) => fake.userEdit(sheet, cell, value),
    settle: async () => void (await sleep(GRACE_MS + 10)), // past the own-change guard
    noteAt: (sheet, cell) => fake.commentOf(sheet, cell),
    selection: () => fake.selection && { sheet: fake.selection.sheet, cell: fake.selection.address },
  };
});
