/**
 * The Tổng hợp card in jsdom, driven as a user would: pick files, consolidate, see the totals,
 * the units with errors and each refused file with its reason; the card is there only when the
 * host can consolidate.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { ConsolidateResult, ConsolidationFile, PeriodTarget } from "../../src/taskpane/operations";
import { VI } from "../../src/taskpane/strings";
import { fakeOperations } from "./support";

const RESULT: ConsolidateResult = {
  over: "units",
  files: [
    { source: "a.xlsx", unit: "UBND XÃ A", included: true, errors: 0, warnings: 0 },
    { source: "b.xlsx", unit: "UBND XÃ B", included: true, errors: 2, warnings: 0 },
    { source: "hong.xlsx", included: false, reason: "Tệp không phải bảng tính Excel .xlsx." },
  ],
  parts: 2,
  partsWithErrors: 1,
  sheets: ["Tổng hợp theo đơn vị", "Tệp tổng hợp"],
  totals: [{ id: "hs_dagq", label: "Số hồ sơ đã giải quyết", unit: "hồ sơ", value: 1234 }],
};

async function renderWith(
  consolidate?: (files: readonly ConsolidationFile[], target?: PeriodTarget) => Promise<ConsolidateResult>,
) {
  const user = userEvent.setup();
  const operations = fakeOperations(consolidate ? { consolidate } : {});
  render(<App operations={operations} strings={VI} />);
  await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
  return { user, operations };
}

/** Renders the pane, picks one file and consolidates it; the card, once `result` is shown. */
async function consolidateOne(result: ConsolidateResult) {
  const { user } = await renderWith(async () => result);
  const card = screen.getByRole("region", { name: "Tổng hợp" });
  await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [new File(["x"], "a.xlsx")]);
  await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
  return card;
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
    expect(within(card).getByText("Đã chọn 3 tệp: a.xlsx, b.xlsx, hong.xlsx.")).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));

    expect(await within(card).findByText("Đã tổng hợp 2 đơn vị từ 3 tệp vào sổ tính.")).toBeTruthy();
    expect(seen).toEqual([["a.xlsx:2", "b.xlsx:2", "hong.xlsx:2"]]);
    const totals = within(card).getByRole("region", { name: "Tổng cộng" });
    expect(within(totals).getByText("Số hồ sơ đã giải quyết: 1.234 hồ sơ")).toBeTruthy();
    expect(within(card).getByText(/1 đơn vị có lỗi số liệu/)).toBeTruthy();
    const refused = within(card).getByRole("region", { name: "Tệp bị loại" });
    expect(within(refused).getByText("hong.xlsx: Tệp không phải bảng tính Excel .xlsx.")).toBeTruthy();
  });

  it("says when the workbook's own document list was kept instead of the units' documents", async () => {
    const card = await consolidateOne({ ...RESULT, keptDocuments: 3 });
    expect(
      await within(card).findByText(
        /^Trang «Danh mục văn bản» của sổ tính đã có 3 văn bản nên được giữ nguyên: Phụ lục II liệt kê các văn bản này, không phải văn bản của các đơn vị\./,
      ),
    ).toBeTruthy();
  });

  it("names the rows left without a total because a unit typed «chưa có số liệu»", async () => {
    const card = await consolidateOne({ ...RESULT, incomplete: ["Đúng hạn", "Quá hạn"] });
    expect(
      await within(card).findByText(
        "Chưa đủ số liệu (có đơn vị ghi «chưa có số liệu» hoặc ghi số liệu không hợp lệ), nên chưa có tổng: «Đúng hạn», «Quá hạn» — xem Ghi chú của từng dòng.",
      ),
    ).toBeTruthy();
  });

  it("says nothing of the document list when the units' documents were listed", async () => {
    const card = await consolidateOne({ ...RESULT, keptDocuments: 0 });
    expect(await within(card).findByText("Đã tổng hợp 2 đơn vị từ 3 tệp vào sổ tính.")).toBeTruthy();
    expect(within(card).queryByText(/Danh mục văn bản/)).toBeNull();
    expect(within(card).queryByText(/Chưa đủ số liệu/)).toBeNull();
  });

  it("picks the files with a Fluent button in the pane's language, not the browser's control", async () => {
    const { user } = await renderWith(async () => RESULT);
    const card = screen.getByRole("region", { name: "Tổng hợp" });
    const input = within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)") as HTMLInputElement;
    expect([input.type, input.multiple, input.hidden]).toEqual(["file", true, true]);
    const button = within(card).getByRole("button", { name: "Chọn tệp…" });
    // The button says what it is for: the label above it and what is chosen.
    const describedBy = (button.getAttribute("aria-describedby") ?? "").split(" ");
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toEqual([
      "Chọn các tệp báo cáo (.xlsx)",
      "Chưa chọn tệp nào.",
    ]);
    let dialogs = 0;
    input.addEventListener("click", () => dialogs++);
    await user.click(button);
    expect(dialogs).toBe(1);
    const names = Array.from({ length: 7 }, (_, i) => `xa-${i + 1}.xlsx`);
    await user.upload(
      input,
      names.map((name) => new File(["x"], name)),
    );
    expect(
      within(card).getByText(
        "Đã chọn 7 tệp: xa-1.xlsx, xa-2.xlsx, xa-3.xlsx, xa-4.xlsx, xa-5.xlsx và 2 tệp khác.",
      ),
    ).toBeTruthy();
    // Cancelling the dialog keeps the files chosen before.
    input.dispatchEvent(new Event("change", { bubbles: true }));
    expect(within(card).getByText(/^Đã chọn 7 tệp/)).toBeTruthy();
  });

  it("says nothing was written when no file could be used", async () => {
    const { user } = await renderWith(async () => ({
      ...RESULT,
      parts: 0,
      partsWithErrors: 0,
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

  it("over units by default: no target is passed", async () => {
    const targets: Array<PeriodTarget | undefined> = [];
    const { user } = await renderWith(async (_files, target) => {
      targets.push(target);
      return RESULT;
    });
    const card = screen.getByRole("region", { name: "Tổng hợp" });
    expect(within(card).getByRole("radio", { name: /^Theo đơn vị/ })).toHaveProperty("checked", true);
    expect(within(card).queryByLabelText("Kỳ cần lập")).toBeNull();
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [
      new File(["x"], "a.xlsx"),
    ]);
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    await within(card).findByText("Đã tổng hợp 2 đơn vị từ 3 tệp vào sổ tính.");
    expect(targets).toEqual([undefined]);
  });
});

const PERIODS_RESULT: ConsolidateResult = {
  over: "periods",
  files: [
    {
      source: "6thang.xlsx",
      unit: "UBND XÃ AN BÌNH",
      period: "6 tháng/2021, 15/12/2020 – 14/06/2021",
      included: true,
      errors: 0,
      warnings: 1,
    },
    {
      source: "quy3.xlsx",
      unit: "UBND XÃ AN BÌNH",
      period: "Quý III/2021, 15/06/2021 – 14/09/2021",
      included: true,
      errors: 0,
      warnings: 0,
    },
  ],
  parts: 2,
  partsWithErrors: 0,
  sheets: ["Tổng hợp theo kỳ", "Tệp tổng hợp"],
  totals: [{ id: "hs_nhan", label: "Số hồ sơ tiếp nhận", unit: "hồ sơ", value: 150 }],
  period: "Kỳ 9 tháng/2021 (số liệu 15/12/2020 – 14/09/2021)",
};

describe("Tổng hợp theo kỳ", () => {
  async function periodsCard(answer: (target?: PeriodTarget) => ConsolidateResult) {
    const targets: Array<PeriodTarget | undefined> = [];
    const rendered = await renderWith(async (_files, target) => {
      targets.push(target);
      return answer(target);
    });
    const card = screen.getByRole("region", { name: "Tổng hợp" });
    await rendered.user.click(within(card).getByRole("radio", { name: /^Theo kỳ/ }));
    return { ...rendered, card, targets };
  }

  it("takes a «Tùy chọn» target's two days instead of a year, and refuses days it cannot read", async () => {
    const { user, card, targets } = await periodsCard(() => PERIODS_RESULT);
    await user.selectOptions(within(card).getByLabelText("Kỳ cần lập"), "Tùy chọn");
    expect(within(card).queryByLabelText("Năm")).toBeNull();
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [
      new File(["x"], "a.xlsx"),
    ]);
    await user.type(within(card).getByLabelText("Từ ngày"), "01/07/2025");
    await user.type(within(card).getByLabelText("Đến ngày"), "31/2/2025");
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    expect(
      within(card).getByText(
        "Gõ hai ngày theo dạng ngày/tháng/năm (ví dụ 01/07/2025), ngày đầu không sau ngày cuối.",
      ),
    ).toBeTruthy();
    expect(targets).toEqual([]);
    await user.clear(within(card).getByLabelText("Đến ngày"));
    await user.type(within(card).getByLabelText("Đến ngày"), "31/12/2025");
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    await within(card).findByText(/^Đã tổng hợp 2 kỳ/);
    // 45839 = 01/07/2025, 46022 = 31/12/2025 (Excel serials).
    expect(targets).toEqual([{ period: "Tùy chọn", year: 2025, from: 45839, to: 46022 }]);
  });

  it("starts from the open workbook's kỳ and năm, takes the chosen target and lists the periods added", async () => {
    const { user, card, targets, operations } = await periodsCard(() => PERIODS_RESULT);
    // The fake workbook's Thông tin chung: Quý III 2021.
    const ky = within(card).getByLabelText("Kỳ cần lập") as HTMLSelectElement;
    const nam = within(card).getByLabelText("Năm") as HTMLInputElement;
    expect([ky.value, nam.value]).toEqual(["Quý III", "2021"]);
    expect(within(card).getByText("Theo «Thông tin chung» của sổ tính đang mở; sửa được.")).toBeTruthy();
    expect([...ky.options].map((o) => o.value)).toEqual([
      "Quý I",
      "Quý II",
      "Quý III",
      "Quý IV",
      "6 tháng",
      "9 tháng",
      "Năm",
      "6 tháng cuối năm",
      ...Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`),
      "Tùy chọn",
    ]);
    await user.selectOptions(ky, "9 tháng");
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [
      new File(["x"], "6thang.xlsx"),
      new File(["x"], "quy3.xlsx"),
    ]);
    const statusReads = (operations.status as jest.Mock).mock.calls.length;
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));

    expect(
      await within(card).findByText(
        "Đã tổng hợp 2 kỳ từ 2 tệp vào sổ tính: Kỳ 9 tháng/2021 (số liệu 15/12/2020 – 14/09/2021).",
      ),
    ).toBeTruthy();
    expect(targets).toEqual([{ period: "9 tháng", year: 2021 }]);
    const added = within(card).getByRole("region", { name: "Các kỳ đã cộng" });
    expect(
      within(added)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "6 tháng/2021, 15/12/2020 – 14/06/2021 (6thang.xlsx)",
      "Quý III/2021, 15/06/2021 – 14/09/2021 (quy3.xlsx)",
    ]);
    expect(
      within(card).getByText("Mọi số liệu, theo từng kỳ: xem các trang «Tổng hợp theo kỳ», «Tệp tổng hợp»."),
    ).toBeTruthy();
    expect(
      within(within(card).getByRole("region", { name: "Tổng cộng" })).getByText(
        "Số hồ sơ tiếp nhận: 150 hồ sơ",
      ),
    ).toBeTruthy();
    // The workbook's period changed: Trạng thái reads it again.
    await waitFor(() => expect((operations.status as jest.Mock).mock.calls.length).toBe(statusReads + 1));
    // Still the user's choice after the status came back.
    expect(ky.value).toBe("9 tháng");
  });

  it("shows the core's gap message and that nothing was written", async () => {
    const problem =
      "Các kỳ số liệu không ghép đúng kỳ Năm/2021 (15/12/2020 – 14/12/2021): thiếu số liệu 15/09/2021 – 14/12/2021.";
    const { user, card } = await periodsCard(() => ({
      ...PERIODS_RESULT,
      files: PERIODS_RESULT.files.map((f) => ({
        ...f,
        included: false,
        errors: undefined,
        warnings: undefined,
      })),
      parts: 0,
      sheets: [],
      totals: [],
      period: undefined,
      problem,
    }));
    await user.selectOptions(within(card).getByLabelText("Kỳ cần lập"), "Năm");
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [
      new File(["x"], "6thang.xlsx"),
    ]);
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    expect(await within(card).findByText(`${problem} Sổ tính không thay đổi.`)).toBeTruthy();
    expect(within(card).getByText("Chưa tổng hợp được.")).toBeTruthy();
    expect(within(card).queryByText(/^Đã tổng hợp/)).toBeNull();
    expect(within(card).queryByText("Không có tệp nào tổng hợp được; sổ tính không thay đổi.")).toBeNull();
    // Read, but not written because the whole was refused: shown with their periods, not as refused.
    expect(within(card).queryByRole("region", { name: "Tệp bị loại" })).toBeNull();
    const read = within(card).getByRole("region", { name: "Kỳ số liệu của các tệp" });
    expect(
      within(read)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "6 tháng/2021, 15/12/2020 – 14/06/2021 (6thang.xlsx)",
      "Quý III/2021, 15/06/2021 – 14/09/2021 (quy3.xlsx)",
    ]);
  });

  it("asks for a four-digit year before reading anything", async () => {
    const { user, card, targets } = await periodsCard(() => PERIODS_RESULT);
    const nam = within(card).getByLabelText("Năm");
    await user.clear(nam);
    await user.type(nam, "21");
    await user.upload(within(card).getByLabelText("Chọn các tệp báo cáo (.xlsx)"), [
      new File(["x"], "6thang.xlsx"),
    ]);
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    expect(within(card).getByText("Gõ năm bằng 4 chữ số, ví dụ 2026.")).toBeTruthy();
    expect(targets).toEqual([]);
    await user.type(nam, "26"); // 2126: four digits, but no reporting year
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    expect(within(card).getByText("Gõ năm bằng 4 chữ số, ví dụ 2026.")).toBeTruthy();
    await user.clear(nam);
    await user.type(nam, "2022");
    expect(within(card).queryByText("Gõ năm bằng 4 chữ số, ví dụ 2026.")).toBeNull();
    await user.click(within(card).getByRole("button", { name: "Tổng hợp" }));
    await within(card).findByText(/^Đã tổng hợp 2 kỳ/);
    expect(targets).toEqual([{ period: "Quý III", year: 2022 }]);
  });
});
