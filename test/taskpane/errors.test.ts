/** describeError: any thrown value → one readable sentence, never blank, never raw Office text. */
import { NotInstalledError } from "../../src/core/report/planReport";
import { ALL_CAPABILITIES, UnsupportedExcelError } from "../../src/excel/capabilities";
import { describeError } from "../../src/taskpane/errors";
import { PaneError } from "../../src/taskpane/operations";
import { EN, VI } from "../../src/taskpane/strings";
import { officeError } from "./support";

describe("describeError", () => {
  it.each([
    ["InvalidReference", /^Không tìm thấy vùng ô cần dùng/],
    ["ItemNotFound", /^Không tìm thấy trang tính hoặc tên vùng của mẫu CCHC/],
    ["AccessDenied", /đang được bảo vệ.*Bỏ bảo vệ trang tính/],
    ["GeneralException", /^Excel gặp lỗi khi thực hiện thao tác/],
    ["ApiNotFound", /^Phiên bản Excel này không có chức năng mà tiện ích cần/],
    ["InvalidOperationInCellEditMode", /^Excel đang ở chế độ sửa ô/],
  ])("maps the Office code %s to Vietnamese", (code, expected) => {
    const text = describeError(officeError(code, "The requested resource doesn't exist."));
    expect(text).toMatch(expected);
    expect(text).not.toContain("requested resource");
  });

  it("prefers the precise code of debugInfo over a GeneralException", () => {
    expect(
      describeError(officeError("GeneralException", "An internal error has occurred.", "ItemNotFound")),
    ).toBe(VI.errors.office.ItemNotFound);
  });

  it("recognises a protected sheet by its message, whatever the code", () => {
    const error = officeError(
      "InvalidOperation",
      "The cell or chart you're trying to change is on a protected sheet.",
    );
    expect(describeError(error)).toBe(VI.errors.office.AccessDenied);
  });

  it("describes an unknown Office code generically, with the code and the original message", () => {
    const text = describeError(officeError("SomethingNew", "Brand new failure."));
    expect(text).toMatch(/^Đã xảy ra lỗi không mong đợi/);
    expect(text).toContain("SomethingNew: Brand new failure.");
  });

  it("keeps the original message of a plain error", () => {
    expect(describeError(new Error("boom"))).toBe(VI.errors.unknown("boom"));
    expect(describeError("chuỗi lỗi")).toBe(VI.errors.unknown("chuỗi lỗi"));
  });

  it("says when a part of the add-in could not be downloaded", () => {
    const error = Object.assign(new Error("Loading chunk 131 failed."), { name: "ChunkLoadError" });
    expect(describeError(error)).toBe(VI.errors.download);
  });

  it("never returns a blank message", () => {
    for (const value of [undefined, null, "", {}, new Error(""), 42]) {
      const text = describeError(value);
      expect(text.trim().length).toBeGreaterThan(10);
    }
  });

  it("speaks the pane's and the core's own errors in the table's language", () => {
    expect(describeError(new PaneError("notInExcel"))).toBe(VI.errors.pane.notInExcel);
    expect(describeError(new PaneError("notInstalled"), EN)).toBe(EN.errors.pane.notInstalled);
    expect(describeError(new NotInstalledError())).toBe(VI.errors.notInstalled);
    expect(describeError(new NotInstalledError(), EN)).toBe(EN.errors.notInstalled);
    const unsupported = new UnsupportedExcelError({ ...ALL_CAPABILITIES, core: false });
    expect(describeError(unsupported)).toBe(unsupported.message);
    expect(describeError(unsupported, EN)).toBe(EN.errors.pane.missingRequirements);
  });

  it("has an English message for every Vietnamese one", () => {
    expect(Object.keys(EN.errors.office).sort()).toEqual(Object.keys(VI.errors.office).sort());
    expect(describeError(officeError("AccessDenied", "x"), EN)).toMatch(/protected/);
  });
});
