/**
 * The Tổng hợp card in jsdom, driven as a user would: pick files, consolidate, see the totals,
 * the units with errors and each refused file with its reason; the card is there only when the
 * host can consolidate.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { ConsolidateResult, ConsolidationFile } from "../../src/taskpane/operations";
import { VI } from "../../src/taskpane/strings";
import { fakeOperations } from "./support";

const RESULT: ConsolidateResult = {
  files: [
    { source: "a.xlsx", unit: "UBND XÃ A", included: true, errors: 0, warnings: 0 },
    { source: "b.xlsx", unit: "UBND XÃ B", included: true, errors: 2, warnings: 0 },
    { source: "hong.xlsx", included: false, reason: "Tệp không phải bảng tính Excel .xlsx." },
  ],
  units: 2,
  unitsWithErrors: 1,
  sheets: ["Tổng hợp theo đơn vị", "Tệp tổng hợp"],
  totals: [{ id: "hs_dagq", label: "Số hồ sơ đã giải quyết", unit: "hồ sơ", value: 1234 }],
};

async function renderWith(consolidate?: (files: readonly ConsolidationFile[]) => Promise<ConsolidateResult>) {
  const user = userEvent.setup();
  const operations = fakeOperations(consolidate ? { consolidate } : {});
  render(<App operations={operations} strings={VI} />);
  await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
  return { user, operations };
}

describe("Tổng hợp", () => {
  it("reads the picked files and shows the total, the units with errors and the refused file", async () => {
    const seen: string[][] = [];
    const { user } = await renderWith(async (files) => {
      seen.push(await Promise.all(files.map(async (f) => `${f.name}:${(await f.bytes()).byteLength}`)));
      return RESULT;
    });
    const card = screen.getByRole("region", { name: "Tổng hợp" });
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    expect(within(card).getByText("Hãy chọn các tệp báo cáo cần tổng hợp trước.")).toBeTruthy();
    expect(seen).toEqual([]);

    const picked = ["a.xlsx", "b.xlsx", "hong.xlsx"].map((name) => new File(["xx"], name));
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), picked);
    expect(within(card).getByText("Đã chọn 3 tệp.")).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));

    expect(await within(card).findByText("Đã tổng hợp 2 đơn vị từ 3 tệp vào sổ tính.")).toBeTruthy();
    expect(seen).toEqual([["a.xlsx:2", "b.xlsx:2", "hong.xlsx:2"]]);
    const totals = within(card).getByRole("region", { name: "Tổng cộng" });
    expect(within(totals).getByText("Số hồ sơ đã giải quyết: 1.234 hồ sơ")).toBeTruthy();
    expect(within(card).getByText(/1 đơn vị có lỗi số liệu/)).toBeTruthy();
    const refused = within(card).getByRole("region", { name: "Tệp bị loại" });
    expect(within(refused).getByText("hong.xlsx: Tệp không phải bảng tính Excel .xlsx.")).toBeTruthy();
  });

  it("says nothing was written when no file could be used", async () => {
    const { user } = await renderWith(async () => ({
      ...RESULT,
      units: 0,
      unitsWithErrors: 0,
      sheets: [],
      totals: [],
    }));
    const card = screen.getByRole("region", { name: "Tổng hợp" });
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [
      new File(["x"], "hong.xlsx"),
    ]);
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    expect(
      await within(card).findByText("Không có tệp nào tổng hợp được; sổ tính không thay đổi."),
    ).toBeTruthy();
  });

  it("is not shown when the host cannot consolidate", async () => {
    await renderWith();
    expect(screen.queryByRole("region", { name: "Tổng hợp" })).toBeNull();
  });
});
