/**
 * The «Dự thảo báo cáo (Word)» card in jsdom: the real narrative core and docx writer draft the
 * Đức Thọ sample, the card hands the bytes over as a download named after the period, says when
 * errors remain, and on Excel for Mac (no downloads) names the command instead of a button.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { unzipSync, strFromU8 } from "fflate";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { figuresFromValues } from "../../src/core/figures";
import { draftDocxBytes, draftFileName, draftWorkbook } from "../../src/docx/draftPackage";
import { App } from "../../src/taskpane/App";
import { downloadFile, DOCX_TYPE, hostCanDownload } from "../../src/taskpane/download";
import type { DraftResult } from "../../src/taskpane/operations";
import { fakeOperations } from "./support";

/** What the Office operation returns, made by the real core from the sample's figures. */
async function draftOf(values: Record<string, unknown>): Promise<DraftResult> {
  const figures = figuresFromValues(values, DISTRICT_CATALOGUE);
  const reading = { figures, documents: [], problems: [], consolidation: [], meta: null, date1904: false };
  const { draft, errors } = draftWorkbook(reading, DISTRICT_CATALOGUE);
  return {
    fileName: draftFileName(DISTRICT_CATALOGUE, figures),
    bytes: await draftDocxBytes(draft),
    errors,
  };
}

const documentText = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes)["word/document.xml"])
    .replace(/<w:tab\/>/g, " ")
    .replace(/<[^>]+>/g, "");

async function renderPane(draft: () => Promise<DraftResult>, canDownload = true) {
  const operations = fakeOperations({ draft });
  const user = userEvent.setup();
  render(<App operations={operations} canDownload={canDownload} />);
  await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
  return { user, operations };
}

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe("Dự thảo báo cáo (Word)", () => {
  it("drafts the workbook and hands the .docx over as a download", async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return "blob:draft";
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user, operations } = await renderPane(() => draftOf(SAMPLE_FIGURES));
    const card = screen.getByRole("region", { name: "Dự thảo báo cáo (Word)" });
    await user.click(within(card).getByRole("button", { name: "Dự thảo báo cáo (Word)" }));
    await waitFor(() =>
      expect(
        within(card).getByText(
          "Đã tạo tệp bao-cao-cchc-quy-iii-2021.docx (xem thư mục Tải về). Các chỗ tô vàng là phần cần viết hoặc xem lại.",
        ),
      ).toBeTruthy(),
    );
    expect(operations.draft).toHaveBeenCalledTimes(1);
    expect(clicked.map((a) => [a.download, a.getAttribute("href")])).toEqual([
      ["bao-cao-cchc-quy-iii-2021.docx", "blob:draft"],
    ]);
    expect(created).toHaveLength(1);
    expect(created[0].type).toBe(DOCX_TYPE);
    // jsdom's Blob has no arrayBuffer(): read it as a page would have before that existed.
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(created[0]);
    });
    const text = documentText(bytes);
    expect(text).toContain("đã hoàn thành 24/47 nhiệm vụ, đạt 51,06%");
    expect(text).toContain("hoàn thành đúng hạn 76/84 nhiệm vụ, đạt 90,48%");
    expect(within(card).queryByText(/Số liệu còn/)).toBeNull();
  });

  it("says when the figures still have errors", async () => {
    const save = jest.fn();
    const operations = fakeOperations({ draft: () => draftOf({ ...SAMPLE_FIGURES, kh_hoanthanh: 50 }) });
    const user = userEvent.setup();
    const { DraftCard } = await import("../../src/taskpane/components/DraftCard");
    render(<DraftCard draft={() => operations.draft!()} canDownload save={save} />);
    await user.click(screen.getByRole("button", { name: "Dự thảo báo cáo (Word)" }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [bytes, name] = save.mock.calls[0] as [Uint8Array, string];
    expect(name).toBe("bao-cao-cchc-quy-iii-2021.docx");
    expect(documentText(bytes)).toMatch(/LƯU Ý, XÓA TRƯỚC KHI BAN HÀNH: số liệu trong sổ còn \d+ lỗi/);
    expect(screen.getByText(/^Số liệu còn \d+ lỗi: dự thảo ghi rõ ở trang đầu/)).toBeTruthy();
  });

  it("on Excel for Mac names the command instead of offering a download", async () => {
    const { operations } = await renderPane(() => draftOf(SAMPLE_FIGURES), hostCanDownload("Mac"));
    const card = screen.getByRole("region", { name: "Dự thảo báo cáo (Word)" });
    expect(within(card).queryByRole("button")).toBeNull();
    expect(within(card).getByText(/Excel trên máy Mac không cho phần bổ trợ tải tệp xuống/)).toBeTruthy();
    expect(within(card).getByText("npx cchc draft BÁO_CÁO.xlsx -o bao-cao.docx")).toBeTruthy();
    expect(operations.draft).not.toHaveBeenCalled();
    expect(hostCanDownload("PC")).toBe(true);
    expect(hostCanDownload("OfficeOnline")).toBe(true);
  });

  it("is absent where the host has no draft operation", async () => {
    render(<App operations={fakeOperations()} />);
    await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
    expect(screen.queryByRole("region", { name: "Dự thảo báo cáo (Word)" })).toBeNull();
  });

  it("downloadFile frees the object URL after the browser took the file", () => {
    jest.useFakeTimers();
    URL.createObjectURL = jest.fn(() => "blob:x");
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    downloadFile(new Uint8Array([80, 75]), "a.docx");
    expect(document.querySelector("a[download]")).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:x");
    jest.useRealTimers();
  });
});
