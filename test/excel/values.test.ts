/**
 * Issue 21, values, through the Office.js adapter (the in-memory fake): a form with typed
 * percentages installs with its validation, the «chưa có số liệu» mark is typed past Excel's
 * validation, and reading then checking gives what the core gives on files.
 */
import { inputName } from "../../src/core/catalogue";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import { checkFigures } from "../../src/core/checks";
import { evaluateIndicators } from "../../src/core/evaluate";
import { readWorkbook } from "../../src/excel/readFigures";
import { VALUES_FORM } from "../support/valuesForm";
import { installedWorkbook } from "./support";

const form = parseCatalogue(JSON.stringify(VALUES_FORM));

describe("typed percentages and «chưa có số liệu» in Excel", () => {
  it("accepts the mark and a percentage as typed, refuses what the form does not allow, reads in one sync", async () => {
    const book = await installedWorkbook({ catalogue: form });
    book.type(inputName("co_quan"), "UBND XÃ A");
    book.type(inputName("ky_bao_cao"), "Quý III");
    book.type(inputName("nam"), 2026);
    book.type(inputName("tthc_tiep_nhan"), 120);
    book.type(inputName("hs_xong"), 10);
    book.type(inputName("hs_dung"), "Chưa có số liệu");
    book.type(inputName("hs_tre"), "chưa có số liệu");
    book.type(inputName("tt_tructuyen"), 0.968);
    // Excel's validation refuses a word, and a rate above the form's 100%.
    expect(() => book.type(inputName("hs_tre"), "x")).toThrow(/chưa có số liệu/);
    expect(() => book.type(inputName("tt_tructuyen"), 96.8)).toThrow(/0% đến 100%/);
    // A percentage pasted as text (an Excel whose decimal mark is the other one) is read as its rate.
    book.paste(inputName("hai_long"), "96,8%");
    book.type(inputName("vuot_ke_hoach"), 1.2);

    const { result, syncs } = await book.run((context) => readWorkbook(context, { catalogue: form }));
    expect(syncs).toBe(1);
    expect(result.figures.get("hai_long")!.value).toEqual({ type: "number", value: 0.968 });
    const findings = checkFigures(result.figures, result.documents, form);
    expect(findings.map((f) => [f.severity, f.checkId])).toEqual([
      ["warning", "unreported:sum:hs_xong:hs_dung+hs_tre"],
    ]);
    expect(findings[0].cells).toEqual([
      book.refOf(inputName("hs_dung")),
      book.refOf(inputName("hs_tre")),
      book.refOf(inputName("hs_xong")),
    ]);
    const evaluated = evaluateIndicators(result.figures, form);
    expect(evaluated.get("ty_dunghan")!.note).toBe("Không tính được: «Đúng hạn», «Quá hạn» chưa có số liệu");
    expect(evaluated.get("tt_tructuyen")!.value).toBe(0.968);
  });
});
