import * as fs from "fs";
import * as path from "path";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
/**
 * The task pane in jsdom, driven as a user would (user-event), over a fake PaneOperations that
 * returns what the real core computes for the Đức Thọ sample.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { PaneError } from "../../src/taskpane/operations";
import { EN, pickStrings, VI } from "../../src/taskpane/strings";
import {
  deferred,
  emptyStatus,
  fakeOperations,
  findingsWithErrors,
  freshInstall,
  officeError,
  renamingInstall,
  reportWithErrors,
  sampleFindings,
  upgradeInstall,
  type FakeOperations,
} from "./support";

/** A Fluent button disabled while busy stays focusable: it says so with aria-disabled. */
const isUsable = (button: HTMLElement) =>
  button.getAttribute("aria-disabled") !== "true" && !button.hasAttribute("disabled");

async function renderPane(operations: FakeOperations = fakeOperations(), strings = VI) {
  const user = userEvent.setup();
  const view = render(<App operations={operations} strings={strings} />);
  // The status is read on mount (the pane is busy meanwhile); every button is usable after.
  expect(operations.status).toHaveBeenCalledTimes(1);
  await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
  expect(screen.getAllByRole("button").every(isUsable)).toBe(true);
  return { user, operations, ...view };
}

const section = (name: string) => screen.getByRole("region", { name });

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe("Trạng thái", () => {
  it("shows that the template is installed, its version and the period", async () => {
    await renderPane();
    const status = section("Trạng thái");
    expect(
      within(status).getByText(`Đang dùng: ${DISTRICT_CATALOGUE.title} (mã huyen-2021, phiên bản 2021.1)`),
    ).toBeTruthy();
    expect(within(status).getByText("Kỳ báo cáo: Quý III năm 2021")).toBeTruthy();
  });

  it("offers the #NAME? repair and the upgrade when there is something to do", async () => {
    const operations = fakeOperations({
      status: async () => ({
        ...emptyStatus,
        installed: true,
        version: "0.9.0",
        period: null,
        brokenFunctionCells: 3,
        missingRequirements: ["ExcelApi 1.9"],
      }),
      repairFunctions: async () => 3,
    });
    const { user } = await renderPane(operations);
    const status = section("Trạng thái");
    expect(within(status).getByText(/Có phiên bản mẫu mới \(2021\.1\)/)).toBeTruthy();
    expect(within(status).getByText(/3 ô dùng hàm CCHC đang báo lỗi #NAME\?/)).toBeTruthy();
    expect(within(status).getByText(/thiếu ExcelApi 1\.9/)).toBeTruthy();
    expect(within(status).getByText("Kỳ báo cáo: chưa nhập (trang «Thông tin chung»).")).toBeTruthy();
    await user.click(within(status).getByRole("button", { name: "Sửa các ô báo #NAME?" }));
    expect(await within(status).findByText("Đã nhập lại công thức của 3 ô.")).toBeTruthy();
    expect(operations.repairFunctions).toHaveBeenCalledTimes(1);
    // The status is read again after the repair.
    await waitFor(() => expect(operations.status).toHaveBeenCalledTimes(2));
  });
});

describe("Cài đặt / cập nhật mẫu", () => {
  it("offers the built-in forms (the commune form first) and a province's file, and installs the one chosen", async () => {
    const operations = fakeOperations({ status: async () => emptyStatus });
    const { user } = await renderPane(operations);
    const card = section("Cài đặt / cập nhật mẫu");
    const radios = await within(card).findAllByRole("radio");
    expect(radios.map((r) => r.closest("span, div")?.textContent ?? "")).toEqual([
      expect.stringMatching(
        /^Mẫu tham khảo báo cáo CCHC cấp xã, phường, đặc khu.*phiên bản 2025\.\d+, mặc định\)$/,
      ),
      expect.stringMatching(/^Mẫu báo cáo CCHC cấp huyện.*cho các kỳ trước 01\/7\/2025\)$/),
      "Mẫu của tỉnh (tệp danh mục .json)",
    ]);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    await user.click(radios[1]);
    await user.click(within(card).getByRole("button", { name: "Cài đặt mẫu" }));
    await waitFor(() =>
      expect(operations.install).toHaveBeenCalledWith(expect.objectContaining({ id: "huyen-2021" })),
    );
  });

  it("checks a province's .json file with the same messages, and installs it once it is good", async () => {
    const operations = fakeOperations({ status: async () => emptyStatus });
    const { user } = await renderPane(operations);
    const card = section("Cài đặt / cập nhật mẫu");
    await user.click(await within(card).findByRole("radio", { name: "Mẫu của tỉnh (tệp danh mục .json)" }));
    // A Fluent button in the pane's language opens the file dialog; the browser's own control
    // («Choose File / No file chosen») is not shown.
    const input = within(card).getByLabelText("Chọn tệp danh mục .json") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.hidden).toBe(true);
    const picker = within(card).getByRole("button", { name: "Chọn tệp…" });
    expect(within(card).getByText("Chưa chọn tệp nào.")).toBeTruthy();
    let dialogs = 0;
    input.addEventListener("click", () => dialogs++);
    await user.click(picker);
    expect(dialogs).toBe(1);
    const fixture = (name: string) =>
      fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", name), "utf8");
    await user.upload(
      input,
      new File([fixture("bad-everything.json")], "tinh-sai.json", { type: "application/json" }),
    );
    expect(await within(card).findByText("Tệp «tinh-sai.json» có 26 lỗi, chưa cài được:")).toBeTruthy();
    expect(within(card).getByText("Đã chọn: tinh-sai.json")).toBeTruthy();
    expect(
      within(card).getByText(
        "indicators[20].parent (vong_a): Vòng lặp chỉ tiêu cha: vong_a → vong_b → vong_a.",
      ),
    ).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Cài đặt mẫu" }));
    expect(operations.install).not.toHaveBeenCalled();
    await user.upload(
      input,
      new File([fixture("tinh-thu-xa.v1.json")], "tinh-thu.json", { type: "application/json" }),
    );
    expect(
      await within(card).findByText(
        "Tệp «tinh-thu.json»: Mẫu kiểm thử: báo cáo CCHC cấp xã của Tỉnh Thử (giả định), phiên bản 2026.1.",
      ),
    ).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Cài đặt mẫu" }));
    await waitFor(() =>
      expect(operations.install).toHaveBeenCalledWith(
        expect.objectContaining({ id: "tinh-thu-xa", version: "2026.1" }),
      ),
    );
  });

  it("updates with a newer version of the form from a file, once installed", async () => {
    const operations = fakeOperations();
    const { user } = await renderPane(operations);
    const card = section("Cài đặt / cập nhật mẫu");
    const input = within(card).getByLabelText(
      "Phiên bản mới của mẫu từ tệp danh mục .json (không bắt buộc)",
    ) as HTMLInputElement;
    const text = fs.readFileSync(
      path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v2.json"),
      "utf8",
    );
    await user.upload(input, new File([text], "tinh-thu-v2.json", { type: "application/json" }));
    await within(card).findByText(/^Tệp «tinh-thu-v2\.json»: .*phiên bản 2026\.2\.$/);
    await user.click(within(card).getByRole("button", { name: "Cập nhật mẫu" }));
    await waitFor(() =>
      expect(operations.install).toHaveBeenCalledWith(expect.objectContaining({ version: "2026.2" })),
    );
  });

  it("does not offer the choice once the template is installed", async () => {
    await renderPane();
    expect(within(section("Cài đặt / cập nhật mẫu")).queryByRole("radio")).toBeNull();
  });

  it("shows progress while installing, then the sheets added and the values kept", async () => {
    const pending = deferred<typeof freshInstall>();
    const operations = fakeOperations({ status: async () => emptyStatus, install: () => pending.promise });
    const { user } = await renderPane(operations);
    const card = section("Cài đặt / cập nhật mẫu");
    const button = within(card).getByRole("button", { name: "Cài đặt mẫu" });

    await user.click(button);
    expect(within(card).getByText("Đang cài đặt mẫu…")).toBeTruthy();
    // Busy: every action waits, the clicked button keeps the focus.
    for (const other of screen.getAllByRole("button")) expect(isUsable(other)).toBe(false);
    expect(document.activeElement).toBe(button);

    pending.resolve(freshInstall);
    expect(await within(card).findByText("Đã cài đặt mẫu phiên bản 2021.1.")).toBeTruthy();
    expect(within(card).queryByText("Đang cài đặt mẫu…")).toBeNull();
    expect(
      within(card).getByText(/^Trang tính mới \(8\): «Thông tin chung», «1\. Chỉ đạo điều hành»/),
    ).toBeTruthy();
    expect(within(card).getByText("Chưa có số liệu nào được nhập trước đó.")).toBeTruthy();
    expect(isUsable(button)).toBe(true);
    // The status is read again after the install.
    await waitFor(() => expect(operations.status).toHaveBeenCalledTimes(2));
  });

  it("says how many typed values an upgrade kept", async () => {
    const { user } = await renderPane(fakeOperations({ install: async () => upgradeInstall }));
    const card = section("Cài đặt / cập nhật mẫu");
    await user.click(within(card).getByRole("button", { name: "Cập nhật mẫu" }));
    expect(await within(card).findByText("Giữ nguyên 132 ô số liệu đã nhập.")).toBeTruthy();
    expect(within(card).getByText(/^Trang tính được cập nhật \(8\)/)).toBeTruthy();
    expect(within(card).getByText("Đã cài lại mẫu phiên bản 2021.1.")).toBeTruthy();
  });

  it("names the sheet that took another name", async () => {
    const { user } = await renderPane(fakeOperations({ install: async () => renamingInstall }));
    const card = section("Cài đặt / cập nhật mẫu");
    await user.click(within(card).getByRole("button", { name: "Cập nhật mẫu" }));
    expect(
      await within(card).findByText(
        "Trang «Thông tin chung» được tạo với tên «Thông tin chung (CCHC)» vì sổ tính đã có một trang tính trùng tên.",
      ),
    ).toBeTruthy();
  });
});

describe("Kiểm tra số liệu", () => {
  it("lists the sample's four warnings grouped by section, with counts", async () => {
    const { user } = await renderPane();
    const panel = section("Kiểm tra số liệu");
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra" }));
    expect(await within(panel).findByText("Kết quả kiểm tra: 0 lỗi, 4 cảnh báo.")).toBeTruthy();
    expect(within(panel).queryByRole("heading", { name: /^Lỗi/ })).toBeNull();
    expect(within(panel).getByRole("heading", { level: 3, name: "Cảnh báo (4)" })).toBeTruthy();
    // Sections in catalogue order, each with its count.
    expect(
      within(panel)
        .getAllByRole("heading", { level: 4 })
        .map((h) => h.textContent),
    ).toEqual([
      "1. Công tác chỉ đạo, điều hành CCHC (1)",
      "3. Cải cách thủ tục hành chính (1)",
      "4. Cải cách tổ chức bộ máy (2)",
    ]);
    const messages = sampleFindings().map((f) => f.message);
    for (const message of messages) expect(within(panel).getByText(message)).toBeTruthy();
    // The button turns into "check again", and runs the check again.
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra lại" }));
    await waitFor(() => expect(within(panel).getByText("Kết quả kiểm tra: 0 lỗi, 4 cảnh báo.")).toBeTruthy());
  });

  it("puts errors before warnings", async () => {
    const { user } = await renderPane(fakeOperations({ check: async () => findingsWithErrors() }));
    const panel = section("Kiểm tra số liệu");
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra" }));
    expect(await within(panel).findByText("Kết quả kiểm tra: 2 lỗi, 4 cảnh báo.")).toBeTruthy();
    const headings = within(panel)
      .getAllByRole("heading")
      .map((h) => h.textContent);
    expect(headings).toEqual([
      "Kiểm tra số liệu",
      "Lỗi (2)",
      "1. Công tác chỉ đạo, điều hành CCHC (2)",
      "Cảnh báo (4)",
      "1. Công tác chỉ đạo, điều hành CCHC (1)",
      "3. Cải cách thủ tục hành chính (1)",
      "4. Cải cách tổ chức bộ máy (2)",
    ]);
    // Every error's button comes before every warning's in the page (and the tab order).
    const findings = findingsWithErrors();
    const buttons = within(panel)
      .getAllByRole("button")
      .filter((b) => findings.some((f) => b.textContent?.startsWith(f.message)));
    expect(buttons.map((b) => findings.find((f) => b.textContent!.startsWith(f.message))!.severity)).toEqual([
      "error",
      "error",
      "warning",
      "warning",
      "warning",
      "warning",
    ]);
  });

  it("selects a finding's cell when it is clicked", async () => {
    const { user, operations } = await renderPane();
    const panel = section("Kiểm tra số liệu");
    await user.click(within(panel).getByRole("button", { name: "Kiểm tra" }));
    const quota = sampleFindings().find((f) => f.checkId === "quota:gd_comat")!;
    expect(quota.cells[0]).toBe("'4-5. Bộ máy, công vụ'!D16");
    const item = await within(panel).findByRole("button", {
      name: `${quota.message} Chọn ô 4-5. Bộ máy, công vụ!D16.`,
    });
    await user.click(item);
    expect(operations.selectCell).toHaveBeenCalledWith("'4-5. Bộ máy, công vụ'!D16");
  });
});

describe("errors", () => {
  it("turns an Office error into a Vietnamese message and leaves the buttons usable", async () => {
    const { user, operations } = await renderPane(
      fakeOperations({
        install: async () =>
          Promise.reject(officeError("ItemNotFound", "The requested resource doesn't exist.")),
      }),
    );
    const button = within(section("Cài đặt / cập nhật mẫu")).getByRole("button", { name: "Cập nhật mẫu" });
    await user.click(button);
    const alert = await screen.findByRole("alert");
    await waitFor(() =>
      expect(alert.textContent).toContain("Không tìm thấy trang tính hoặc tên vùng của mẫu CCHC"),
    );
    expect(alert.textContent).not.toContain("requested resource");
    for (const other of screen.getAllByRole("button")) expect(isUsable(other)).toBe(true);

    // The pane goes on: the next operation runs and clears the message.
    operations.install.mockResolvedValueOnce(freshInstall);
    await user.click(button);
    expect(await screen.findByText("Đã cài đặt mẫu phiên bản 2021.1.")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("");
  });

  it("says a protected sheet is protected, and can be dismissed", async () => {
    const { user } = await renderPane(
      fakeOperations({
        report: async () =>
          Promise.reject(
            officeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet."),
          ),
      }),
    );
    await user.click(within(section("Tạo báo cáo")).getByRole("button", { name: "Tạo báo cáo" }));
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert.textContent).toContain("đang được bảo vệ"));
    await user.click(within(alert).getByRole("button", { name: "Đóng thông báo lỗi" }));
    expect(screen.getByRole("alert").textContent).toBe("");
  });

  it("reports an error the pane raises itself and an unknown one with its original text", async () => {
    const { user, operations } = await renderPane(
      fakeOperations({ report: async () => Promise.reject(new PaneError("notInstalled")) }),
    );
    await user.click(within(section("Tạo báo cáo")).getByRole("button", { name: "Tạo báo cáo" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("chưa"));

    operations.scores.mockRejectedValueOnce(new TypeError("x.map is not a function"));
    await user.click(within(section("Chỉ số CCHC")).getByRole("button", { name: "Xem điểm" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("Đã xảy ra lỗi không mong đợi"),
    );
    expect(screen.getByRole("alert").textContent).toContain("x.map is not a function");
  });

  it("shows the message when reading the status fails, the pane stays usable", async () => {
    const operations = fakeOperations({
      status: async () => Promise.reject(officeError("GeneralException", "boom")),
    });
    render(<App operations={operations} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Excel gặp lỗi"));
    expect(screen.getByRole("heading", { level: 1, name: "Cải cách hành chính (CCHC)" })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("button").every(isUsable)).toBe(true));
  });
});

describe("opened outside Excel (a browser tab)", () => {
  it("says calmly that the add-in runs inside Excel: no red failure, no empty cards", async () => {
    const operations = fakeOperations({ status: async () => Promise.reject(new PaneError("notInExcel")) });
    render(<App operations={operations} />);
    expect(await screen.findByText("Tiện ích CCHC chạy bên trong Excel.")).toBeTruthy();
    const main = screen.getByRole("main");
    expect(main.getAttribute("data-busy")).toBe("");
    expect(main.textContent).toContain("bấm nút CCHC trên thẻ Trang đầu (Home)");
    expect(screen.getByRole("heading", { level: 1, name: "Cải cách hành chính (CCHC)" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText(/Không thực hiện được/)).toBeNull();
    expect(screen.queryAllByRole("region")).toEqual([]);
    expect(screen.queryAllByRole("button")).toEqual([]);
    // Nothing went wrong: nothing for support in the console either.
    expect(console.error).not.toHaveBeenCalled();
  });

  it("says it in English when Office speaks English", async () => {
    const operations = fakeOperations({ status: async () => Promise.reject(new PaneError("notInExcel")) });
    render(<App operations={operations} strings={EN} />);
    expect(await screen.findByText("The CCHC add-in runs inside Excel.")).toBeTruthy();
  });
});

describe("Tạo báo cáo", () => {
  it("says which sheets were written", async () => {
    const { user } = await renderPane();
    const card = section("Tạo báo cáo");
    await user.click(within(card).getByRole("button", { name: "Tạo báo cáo" }));
    expect(
      await within(card).findByText("Đã ghi báo cáo vào trang tính «Phụ lục I», «Phụ lục II»."),
    ).toBeTruthy();
    expect(within(card).getByText("5 cảnh báo: hãy xem lại hoặc ghi chú giải trình.")).toBeTruthy();
    expect(within(card).queryByText(/Số liệu còn/)).toBeNull();
  });

  it("warns when errors remain", async () => {
    const { user } = await renderPane(fakeOperations({ report: async () => reportWithErrors() }));
    const card = section("Tạo báo cáo");
    await user.click(within(card).getByRole("button", { name: "Tạo báo cáo" }));
    expect(
      await within(card).findByText(/^Số liệu còn 1 lỗi: báo cáo đã được tạo nhưng cần sửa/),
    ).toBeTruthy();
  });

  it("says when an edited report was kept under another name", async () => {
    const { user } = await renderPane(
      fakeOperations({
        report: async () => ({
          errors: 0,
          warnings: 0,
          sheets: ["Phụ lục I", "Phụ lục II"],
          keptEdited: ["Phụ lục I (sửa tay)"],
        }),
      }),
    );
    const card = section("Tạo báo cáo");
    await user.click(within(card).getByRole("button", { name: "Tạo báo cáo" }));
    expect(
      await within(card).findByText(
        "Bản báo cáo đã sửa tay trước đó được giữ lại với tên «Phụ lục I (sửa tay)».",
      ),
    ).toBeTruthy();
  });
});

describe("Chỉ số CCHC", () => {
  it("shows the total against the maximum, last year and the criteria that lost most", async () => {
    const { user } = await renderPane();
    const card = section("Chỉ số CCHC");
    await user.click(within(card).getByRole("button", { name: "Xem điểm" }));
    expect(await within(card).findByText("Điểm tự chấm: 7,76 / 17,25")).toBeTruthy();
    expect(within(card).getByText("Tổng điểm năm trước: 12,2")).toBeTruthy();
    expect(
      within(card).getByText("So với năm trước: −0,45 (tính trên 6/14 tiêu chí có điểm cả hai năm)"),
    ).toBeTruthy();
    expect(within(card).getByText("8 tiêu chí chưa có điểm: nhập trên trang «Chỉ số CCHC».")).toBeTruthy();
    const lost = within(within(card).getByRole("list")).getAllByRole("listitem");
    expect(lost.map((li) => li.textContent)).toEqual([
      "Hoàn thành kế hoạch đào tạo, bồi dưỡng0,26 điểm, năm trước 0,9 (−0,64)",
      "Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao hoàn thành đúng hạn1,5 điểm, năm trước 1,72 (−0,22)",
    ]);
  });
});

describe("language", () => {
  it("speaks English when Office's display language is en-US", async () => {
    const strings = pickStrings("en-US");
    expect(strings).toBe(EN);
    const { user } = await renderPane(fakeOperations(), strings);
    expect(screen.getByText("This workbook has the CCHC report template.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Administrative reform (CCHC)" })).toBeTruthy();
    for (const name of [
      "Install / update the template",
      "Check the figures",
      "Create the report",
      "PAR index (Chỉ số CCHC)",
    ]) {
      expect(screen.getByRole("region", { name })).toBeTruthy();
    }
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByText("Check result: 0 errors, 4 warnings.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Warnings (4)" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Show scores" }));
    expect(await screen.findByText("Self-assessed score: 7.76 / 17.25")).toBeTruthy();
  });

  it("stays Vietnamese for any other language", () => {
    expect(pickStrings("vi-VN")).toBe(VI);
    expect(pickStrings("fr-FR")).toBe(VI);
    expect(pickStrings(undefined)).toBe(VI);
    expect(pickStrings("EN-gb")).toBe(EN);
  });
});

describe("keyboard", () => {
  it("reaches every main button with Tab, in page order, and Enter activates it", async () => {
    const operations = fakeOperations();
    const { user } = await renderPane(operations);
    const order: string[] = [];
    for (let i = 0; i < 14 && order.length < 7; i++) {
      await user.tab();
      const focused = document.activeElement as HTMLElement;
      if (focused.tagName === "BUTTON") order.push(focused.textContent ?? "");
    }
    // The file picker is one Tab stop, its button (the hidden file input is none); the report
    // card's «So sánh với kỳ trước» picker comes before its button.
    expect(order).toEqual([
      "Làm mới trạng thái",
      "Chọn tệp…",
      "Cập nhật mẫu",
      "Kiểm tra",
      "Chọn tệp…",
      "Tạo báo cáo",
      "Xem điểm",
    ]);
    await user.keyboard("{Enter}");
    expect(await screen.findByText("Điểm tự chấm: 7,76 / 17,25")).toBeTruthy();
    expect(operations.scores).toHaveBeenCalledTimes(1);
    await user.tab({ shift: true });
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/^Đã ghi báo cáo vào trang tính/)).toBeTruthy();
    expect(operations.report).toHaveBeenCalledTimes(1);
  });

  it("runs the check with Enter and selects a finding's cell with Enter", async () => {
    const operations = fakeOperations();
    const { user } = await renderPane(operations);
    const check = within(section("Kiểm tra số liệu")).getByRole("button", { name: "Kiểm tra" });
    while (document.activeElement !== check) await user.tab();
    await user.keyboard("{Enter}");
    expect(await screen.findByText("Kết quả kiểm tra: 0 lỗi, 4 cảnh báo.")).toBeTruthy();
    expect(operations.check).toHaveBeenCalledTimes(1);
    // The focus stayed on the (renamed) button; the next Tab reaches the first finding.
    expect(document.activeElement?.textContent).toBe("Kiểm tra lại");
    await user.tab();
    const first = sampleFindings()[1]; // section 1 comes first: the sum of the areas' tasks
    expect(document.activeElement?.textContent?.startsWith(first.message)).toBe(true);
    await user.keyboard("{Enter}");
    expect(operations.selectCell).toHaveBeenCalledWith(first.cells[0]);
  });
});

describe("the ribbon's Tạo báo cáo, shown in the pane", () => {
  it("shows an outcome published before and after the pane mounted", async () => {
    const { publishRibbonReport } = await import("../../src/bridge/ribbonReport");
    publishRibbonReport({ ok: true, result: reportWithErrors() });
    await renderPane();
    const card = section("Tạo báo cáo");
    await waitFor(() => expect(within(card).getByRole("status").textContent).toContain("Phụ lục I"));
    expect(within(card).getByRole("status").textContent).toContain("Số liệu còn 1 lỗi");

    publishRibbonReport({ ok: false, error: new PaneError("notInstalled") });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain(VI.errors.pane.notInstalled));
  });
});
