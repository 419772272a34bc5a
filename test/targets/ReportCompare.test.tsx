/**
 * The report card's «So sánh với kỳ trước» in jsdom, driven as a user would: pick an earlier
 * workbook through the pane's file picker, create the report, and the operation gets the picked
 * file (name and bytes); a refusal of the operation is said in the pane with its reason.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { CompareRefusedError } from "../../src/core/report/comparison";
import type { ConsolidationFile } from "../../src/taskpane/operations";
import { VI } from "../../src/taskpane/strings";
import { fakeOperations } from "../taskpane/support";

async function renderPane(
  report: (
    compared?: readonly ConsolidationFile[],
  ) => Promise<never> | ReturnType<ReturnType<typeof fakeOperations>["report"]>,
) {
  const user = userEvent.setup();
  const operations = fakeOperations({ report: report as never });
  render(<App operations={operations} strings={VI} />);
  await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
  return { user, operations, card: screen.getByRole("region", { name: VI.report.heading }) };
}

it("passes the picked earlier workbook to the report", async () => {
  const seen: Array<{ name: string; text: string }> = [];
  const { user, card } = await renderPane(async (compared = []) => {
    for (const file of compared)
      seen.push({ name: file.name, text: new TextDecoder().decode(await file.bytes()) });
    return { errors: 0, warnings: 0, sheets: ["Phụ lục I"], keptEdited: [] };
  });
  const input = within(card).getByLabelText(VI.report.compare) as HTMLInputElement;
  await user.upload(input, new File(["quý II"], "quy-2.xlsx"));
  expect(within(card).getByText("Đã chọn: quy-2.xlsx")).toBeTruthy();
  await user.click(within(card).getByRole("button", { name: VI.report.generate }));
  await waitFor(() =>
    expect(within(card).getByText("Đã ghi báo cáo vào trang tính «Phụ lục I».")).toBeTruthy(),
  );
  expect(seen).toEqual([{ name: "quy-2.xlsx", text: "quý II" }]);
});

it("says why an earlier workbook is refused", async () => {
  // The pane logs an error for support; not this test's concern.
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { user, card } = await renderPane(async () => {
    throw new CompareRefusedError(
      "quy-1.xlsx",
      "tệp là báo cáo quý I năm 2026; báo cáo quý III năm 2026 chỉ so sánh với kỳ trước (quý II năm 2026) hoặc cùng kỳ năm trước (quý III năm 2025).",
    );
  });
  await user.upload(
    within(card).getByLabelText(VI.report.compare) as HTMLInputElement,
    new File(["x"], "quy-1.xlsx"),
  );
  await user.click(within(card).getByRole("button", { name: VI.report.generate }));
  expect(
    await screen.findByText(/Không so sánh được với tệp "quy-1\.xlsx": tệp là báo cáo quý I năm 2026/),
  ).toBeTruthy();
});
