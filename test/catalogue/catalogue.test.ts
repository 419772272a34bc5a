/**
 * Catalogue files: the built-ins against the shipped schema, every kind of bad catalogue with
 * its message, the catalogue a workbook carries (chunked in the meta sheet, legacy ids), and
 * the install rules of forms (another id refused, dropped figures kept).
 */
import * as fs from "fs";
import * as path from "path";
import {
  builtinCatalogue,
  builtinFiles,
  builtinIds,
  catalogueToFile,
  DEFAULT_CATALOGUE,
  DISTRICT_CATALOGUE,
  inputName,
  type Catalogue,
} from "../../src/core/catalogue";
import { catalogueProblems, parseCatalogue } from "../../src/core/catalogue/validate";
import { CatalogueError } from "../../src/core/catalogue/errors";
import { sampleOf } from "../../src/core/catalogue/sample";
import { checkFigures } from "../../src/core/checks";
import { figuresFromValues } from "../../src/core/figures";
import { figuresOfPlans, OtherCatalogueError, planInstall } from "../../src/core/install";
import { DROPPED_SHEET } from "../../src/core/layout/droppedSheet";
import { catalogueOfWorkbook, chunkText, META_SHEET_NAME } from "../../src/core/meta";
import { bodyLines, bodyShortName } from "../../src/core/report/documentForm";
import { gridOf, workbookOf } from "../support/plans";
import { generatedCatalogue } from "../support/generatedCatalogue";

const FIXTURES = path.join(__dirname, "..", "fixtures", "catalogues");
const DATA = path.join(__dirname, "..", "..", "src", "core", "catalogue", "data");
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), "utf8");
export const V1 = parseCatalogue(read(FIXTURES, "tinh-thu-xa.v1.json"));
export const V2 = parseCatalogue(read(FIXTURES, "tinh-thu-xa.v2.json"));

describe("the built-in catalogues", () => {
  it.each(["xa-2025.json", "huyen-2021.json", "cchc-xa.json"])(
    "%s passes the shipped schema and rules",
    (name) => {
      expect(catalogueProblems(read(DATA, name))).toEqual([]);
    },
  );

  it("links the carried-over dossiers to the pending ones (openingOf), and refuses a wrong link", () => {
    for (const catalogue of [DEFAULT_CATALOGUE, DISTRICT_CATALOGUE])
      expect(catalogue.indicators.find((i) => i.id === "hs_kytruoc")?.openingOf).toBe("hs_danggq");
    const file = JSON.parse(read(DATA, "xa-2025.json"));
    const at = file.indicators.findIndex((i: { id: string }) => i.id === "hs_kytruoc");
    const withLink = (indicator: object) => {
      const copy = structuredClone(file);
      copy.indicators[at] = { ...copy.indicators[at], ...indicator };
      return catalogueProblems(JSON.stringify(copy)).filter((p) => p.path.endsWith("openingOf"));
    };
    expect(withLink({ openingOf: "hs_moi" })).toEqual([
      {
        path: `indicators[${at}].openingOf`,
        id: "hs_kytruoc",
        message:
          '"openingOf": "hs_moi" phải là chỉ tiêu số cuối kỳ ("aggregate": "stock") cùng loại với chỉ tiêu này.',
      },
    ]);
    expect(withLink({ openingOf: "khong_co" })[0].message).toMatch(/"khong_co" không có trong indicators/);
    expect(withLink({ aggregate: "flow" })[0].message).toMatch(/Chỉ chỉ tiêu số đầu kỳ/);
  });

  it("answers to every built-in id, derived from the shipped files (legacy subset last)", () => {
    expect(builtinIds()).toEqual(["xa-2025", "huyen-2021", "cchc-xa"]);
    for (const id of builtinIds()) expect(builtinCatalogue(id)?.id).toBe(id);
  });

  it("lists the default first, and every count and money row says how it consolidates", () => {
    expect(builtinFiles().map((f) => f.id)).toEqual(["xa-2025", "huyen-2021"]);
    expect(DEFAULT_CATALOGUE.id).toBe("xa-2025");
    expect(DEFAULT_CATALOGUE.title).toMatch(/^Mẫu tham khảo .* tỉnh điều chỉnh cho phù hợp$/);
    for (const file of builtinFiles())
      for (const i of file.indicators)
        if (i.kind === "count" || i.kind === "money")
          expect([i.id, i.aggregate]).toEqual([i.id, expect.any(String)]);
  });

  it("reads legacy template ids: cchc-huyen as the district form, cchc-xa as the old commune subset", () => {
    expect(builtinCatalogue("cchc-huyen")).toBe(DISTRICT_CATALOGUE);
    const oldCommune = builtinCatalogue("cchc-xa")!;
    expect(oldCommune.indicators.map((i) => i.id)).toContain("bc_xa_comat");
    expect(oldCommune.indicators.map((i) => i.id)).not.toContain("dvsn_so");
  });

  it("gives the fictional commune's sample exactly its known findings", () => {
    const sample = sampleOf("xa-2025")!;
    expect(sample.description).toMatch(/giả định/);
    const plan = planInstall({ sheetNames: [], sheets: new Map() }, { sample: true });
    const findings = checkFigures(figuresOfPlans(plan.sheets, DEFAULT_CATALOGUE), [], DEFAULT_CATALOGUE);
    expect(findings.map((f) => [f.severity, f.checkId, f.message])).toEqual([
      [
        "warning",
        "notAbove:bc_comat:bc_giao",
        "Số có mặt vượt số được giao: Có mặt tại thời điểm báo cáo (Biên chế cán bộ, công chức của xã được giao) 54 > 52 (+2).",
      ],
    ]);
  });
});

describe("a bad catalogue", () => {
  const problems = catalogueProblems(read(FIXTURES, "bad-everything.json"));
  const at = (p: string) => problems.filter((x) => x.path === p).map((x) => [x.id, x.message]);

  it("reports every problem at once, each with its JSON path and id, in Vietnamese", () => {
    expect(problems.length).toBe(26);
    expect(at("bogus")).toEqual([[undefined, 'trường "bogus" không có trong định dạng danh mục.']]);
    expect(at("id")).toEqual([
      [
        undefined,
        '"id": "Tinh Thu" không hợp lệ: mã phải là chữ thường không dấu (a–z), số, - và _, bắt đầu bằng chữ hoặc số.',
      ],
    ]);
    expect(at("indicators[0].kind")).toEqual([
      [
        "hs_nhan",
        '"kind": "number" không phải một trong: "count", "money", "ratio", "text", "date", "choice", "percent".',
      ],
    ]);
    expect(at("checks[6]")).toEqual([
      [
        undefined,
        'loại kiểm tra "between" không có; dùng partOfWhole, sum, balance, notAbove hoặc dateOrder.',
      ],
    ]);
  });

  it("names duplicate and reserved ids", () => {
    expect(at("indicators[18].id")).toEqual([
      ["nam", 'Mã "nam" dành cho khối Thông tin chung của chương trình; hãy đặt mã khác.'],
    ]);
    expect(at("indicators[19].id")).toEqual([["hs_nhan", 'Mã chỉ tiêu "hs_nhan" trùng với indicators[0].']]);
    expect(at("sheets[2].key")).toEqual([["hs", 'Mã trang "hs" trùng với sheets[0].']]);
    expect(at("sheets[3].key")).toEqual([
      ["info", 'Mã trang "info" dành cho trang Thông tin chung của chương trình.'],
    ]);
    expect(at("criteria[3].code")).toEqual([["TT_KIP", 'Mã tiêu chí "TT_KIP" trùng với criteria[0].']]);
  });

  it("names sheet names Excel refuses", () => {
    expect(at("sheets[2].name")).toEqual([
      ["hs", 'Tên trang "a. hồ sơ một cửa" trùng với sheets[0] (Excel không phân biệt chữ hoa, thường).'],
    ]);
    expect(at("sheets[3].name").map(([, m]) => m)).toEqual([
      'Tên trang "Bad:name/with*chars[] and more than thirty one" dài 46 ký tự; Excel cho tối đa 31.',
      'Tên trang "Bad:name/with*chars[] and more than thirty one" có ký tự Excel không cho phép (một trong : \\ / ? * [ ]).',
    ]);
  });

  it("names unknown references, cycles, ratio/formula mistakes, checks over text and empty sections", () => {
    expect(at("sections[3].sheet")).toEqual([
      ["IV", 'Mục "IV" thuộc trang "khong_co" không có trong sheets.'],
    ]);
    expect(at("indicators[24].section")).toEqual([
      ["ty_la", 'Mục "XX" của chỉ tiêu không có trong sections.'],
    ]);
    expect(at("indicators[24].formula.args[0][1]")).toEqual([
      ["ty_la", 'Công thức dùng chỉ tiêu "khong_co" không có trong indicators.'],
    ]);
    expect(at("indicators[25].parent")).toEqual([
      ["Sai_Ma", 'Chỉ tiêu cha "cha_la" không có trong indicators.'],
    ]);
    expect(at("indicators[20].parent")).toEqual([
      ["vong_a", "Vòng lặp chỉ tiêu cha: vong_a → vong_b → vong_a."],
    ]);
    expect(at("indicators[22]")).toEqual([
      ["ty_thieu", "Chỉ tiêu tỷ lệ (ratio) phải có công thức (formula)."],
    ]);
    expect(at("indicators[23].formula")).toEqual([
      ["dem_cong_thuc", 'Chỉ có chỉ tiêu tỷ lệ (ratio) mới có công thức; chỉ tiêu này là "count".'],
    ]);
    expect(at("checks[5].total")).toEqual([
      ["ns_ghichu", 'Kiểm tra số liệu không dùng được trên chỉ tiêu "text" ("ns_ghichu").'],
    ]);
    expect(at("checks[5].parts[1]")).toEqual([
      ["ma_la", 'Kiểm tra dùng chỉ tiêu "ma_la" không có trong indicators.'],
    ]);
    expect(at("sections[3]")).toEqual([["IV", 'Mục "IV" không có chỉ tiêu nào.']]);
    expect(at("criteria[3].rateFrom")).toEqual([
      ["TT_KIP", 'Tiêu chí lấy tỷ lệ từ "hs_nhan", nhưng đó không phải chỉ tiêu tỷ lệ.'],
    ]);
  });

  it("gives a JSON syntax error its line and column", () => {
    expect(catalogueProblems('{\n  "id": "x",\n  "version": 1,,\n}')).toEqual([
      {
        path: "",
        message:
          "Tệp không phải JSON hợp lệ (dòng 3, cột 16): cần tên trường trong ngoặc kép (có dấu phẩy thừa?).",
      },
    ]);
  });

  it("says that JSON has no comments, at the first one, when the file has any", () => {
    const said = (text: string) => catalogueProblems(text).map((p) => p.message);
    const advice = "Hãy xoá mọi chú thích (từ «//» đến hết dòng, và «/* … */») rồi kiểm tra lại.";
    expect(said('{\n  "id": "x",  // lower-case\n  "version": "1"\n}')).toEqual([
      `Tệp không phải JSON hợp lệ (dòng 2, cột 15): có chú thích «//», mà JSON không cho phép chú thích. ${advice}`,
    ]);
    expect(said('{\n  /* the form */\n  "id": "x"\n}')).toEqual([
      `Tệp không phải JSON hợp lệ (dòng 2, cột 3): có chú thích «/* … */», mà JSON không cho phép chú thích. ${advice}`,
    ]);
    // A "//" inside a string is text (a link), not a comment: the real slip is named.
    expect(said('{ "url": "https://x.vn", "a": 1,, }')).toEqual([
      "Tệp không phải JSON hợp lệ (dòng 1, cột 33): cần tên trường trong ngoặc kép (có dấu phẩy thừa?).",
    ]);
    // A slip before the first comment is that slip.
    expect(said('{ "id" "x" } // end')).toEqual([
      "Tệp không phải JSON hợp lệ (dòng 1, cột 8): thiếu dấu hai chấm «:» sau tên trường.",
    ]);
  });

  it("says the common JSON slips in Vietnamese, without the engine's English", () => {
    const said = (text: string) => catalogueProblems(text)[0].message;
    expect(said('{\n  "id": "x"\n"version": 1\n}')).toBe(
      "Tệp không phải JSON hợp lệ (dòng 3, cột 1): thiếu dấu phẩy «,» hoặc dấu «}» sau một giá trị.",
    );
    expect(said('{ "id": "x", "rows": [1 2] }')).toBe(
      "Tệp không phải JSON hợp lệ (dòng 1, cột 25): thiếu dấu phẩy «,» hoặc dấu «]» sau một phần tử.",
    );
    expect(said('{ "id" "x" }')).toBe(
      "Tệp không phải JSON hợp lệ (dòng 1, cột 8): thiếu dấu hai chấm «:» sau tên trường.",
    );
    expect(said('{ "id": "x')).toBe(
      "Tệp không phải JSON hợp lệ (dòng 1, cột 11): chuỗi chưa đóng ngoặc kép.",
    );
    for (const text of ['{ "id": "x", }', "{ id: 1 }", '{ "a": tru }', "[1,]", '{ "a": 1', "{} x"])
      expect(said(text)).not.toMatch(/[Ee]xpected|Unexpected|JSON at|position/);
  });

  it("is refused by parseCatalogue with every problem in the error", () => {
    const error = (() => {
      try {
        parseCatalogue(read(FIXTURES, "bad-everything.json"), "bad.json");
      } catch (e) {
        return e;
      }
    })() as CatalogueError;
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error.problems).toHaveLength(26);
    expect(error.message.split("\n")[0]).toBe("Danh mục bad.json có 26 lỗi:");
  });
});

describe("the workbook carries its catalogue", () => {
  const metaRows = (catalogue: Catalogue, sample = false) =>
    gridOf(
      planInstall({ sheetNames: [], sheets: new Map() }, { catalogue, sample }).sheets.find(
        (s) => s.name === META_SHEET_NAME,
      )!,
    );

  it("rebuilds the same catalogue from the meta sheet's rows (catalogueOfWorkbook)", () => {
    expect(catalogueOfWorkbook(metaRows(V1))).toEqual(V1);
    expect(catalogueOfWorkbook(metaRows(DISTRICT_CATALOGUE))).toEqual(DISTRICT_CATALOGUE);
    expect(catalogueOfWorkbook([["key", "value"]])).toBeNull();
  });

  it("splits a large catalogue into cells of at most 32,767 characters, none starting like a formula", () => {
    const big = parseCatalogue(JSON.stringify(generatedCatalogue(500)));
    const rows = metaRows(big);
    const chunks = rows.filter((r) => String(r[0]).startsWith("catalogue:"));
    expect(chunks.length).toBeGreaterThan(2);
    for (const [, text] of chunks) {
      expect(String(text).length).toBeLessThanOrEqual(32_767);
      expect(String(text)).not.toMatch(/^[=+\-@\s]/);
    }
    expect(catalogueOfWorkbook(rows)).toEqual(big);
    // A boundary before "=" moves back one character.
    expect(chunkText("ab=cd", 2)).toEqual(["a", "b=", "cd"]);
  });

  it("says so when a chunk of the stored catalogue is missing", () => {
    const rows = metaRows(V1).filter((r) => r[0] !== "catalogue:1");
    expect(() => catalogueOfWorkbook(rows)).toThrow(/thiếu phần danh mục đã lưu/);
  });

  it("reads a workbook installed before catalogues were files by its template id", () => {
    expect(
      catalogueOfWorkbook([
        ["template_id", "cchc-huyen"],
        ["template_version", "1.0.0"],
      ]),
    ).toBe(DISTRICT_CATALOGUE);
    expect(
      catalogueOfWorkbook([
        ["template_id", "cchc-xa"],
        ["template_version", "1.0.0"],
      ])!.id,
    ).toBe("cchc-xa");
  });
});

describe("installing forms", () => {
  const installed = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: V1 });

  it("refuses another catalogue over an installed workbook", () => {
    expect(() => planInstall(workbookOf(installed.sheets), { catalogue: DEFAULT_CATALOGUE })).toThrow(
      OtherCatalogueError,
    );
    expect(() => planInstall(workbookOf(installed.sheets), { catalogue: DEFAULT_CATALOGUE })).toThrow(
      'Sổ làm việc đã cài mẫu "tinh-thu-xa"; không cài mẫu khác ("xa-2025") lên trên được. Hãy dùng một sổ làm việc mới cho mẫu "xa-2025".',
    );
  });

  it("keeps its own form on a reinstall without a catalogue", () => {
    expect(planInstall(workbookOf(installed.sheets)).summary).toMatchObject({
      catalogueId: "tinh-thu-xa",
      toVersion: "2026.1",
    });
  });

  it("upgrades a workbook of an older built-in version to the one the program ships", () => {
    const older = { ...DISTRICT_CATALOGUE, version: "2021.0" };
    const plan = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: older });
    expect(planInstall(workbookOf(plan.sheets)).summary).toMatchObject({
      fromVersion: "2021.0",
      toVersion: "2021.1",
    });
    // A newer one than the program's stays as it is.
    const newer = planInstall(
      { sheetNames: [], sheets: new Map() },
      { catalogue: { ...DISTRICT_CATALOGUE, version: "2021.10" } },
    );
    expect(planInstall(workbookOf(newer.sheets)).summary.toVersion).toBe("2021.10");
  });

  it("upgrades xa-2025 2025.1 to the current version (issue 21): every typed figure kept, Từ ngày from the founding day", () => {
    // 2025.1: no founding day, no tables (2025.3's sheet «3a. TTHC theo lĩnh vực»).
    const older: Catalogue = {
      ...DEFAULT_CATALOGUE,
      version: "2025.1",
      unitsFrom: undefined,
      tables: undefined,
      sheets: DEFAULT_CATALOGUE.sheets.filter((s) => s.key !== "s3t"),
    };
    const typed = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: older, sample: true });
    const cellOf = (sheets: typeof typed.sheets, id: string) => {
      for (const sheet of sheets)
        for (const name of sheet.names)
          if (name.name === inputName(id)) return sheet.cells.find((c) => c.address === name.address)!;
      throw new Error(id);
    };
    // A date typed over the derived «Đến ngày» (the calendar's quarter end) is the user's too.
    const typedEnd = 45930; // 30/09/2025
    Object.assign(cellOf(typed.sheets, "den_ngay"), { value: typedEnd, formula: undefined });
    const before = figuresOfPlans(typed.sheets, older);
    expect(before.get("tu_ngay")?.formula).toBeDefined(); // still its formula
    expect(cellOf(typed.sheets, "tu_ngay").formula).not.toContain("2025-07-01");

    const upgraded = planInstall(workbookOf(typed.sheets));
    expect(upgraded.summary).toMatchObject({ fromVersion: "2025.1", toVersion: "2025.4", dropped: [] });
    const after = figuresOfPlans(upgraded.sheets, DEFAULT_CATALOGUE);
    const typedFigures = [...before].filter(([, figure]) => !figure.formula);
    expect(typedFigures.length).toBeGreaterThan(20);
    for (const [id, figure] of typedFigures) expect([id, after.get(id)?.value]).toEqual([id, figure.value]);
    expect(after.get("den_ngay")?.value).toEqual({ type: "number", value: typedEnd });
    // Quý III/2025 of the sample: the rewritten formula starts on 01/07/2025, not 15/06/2025.
    const tuNgay = cellOf(upgraded.sheets, "tu_ngay");
    expect(tuNgay.formula).toContain('CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM,"2025-07-01")');
    expect(tuNgay.cached).toBe(45839);
  });

  it("upgrades xa-2025 2025.3 to 2025.4 (issue 21): every typed figure kept, the channel rows nested under «Mới tiếp nhận»", () => {
    // 2025.3: «Tiếp nhận trực tuyến» a sibling of «Từ kỳ trước» and «Mới tiếp nhận», no rows for
    // the other channels, the plan's total not required.
    const added = ["hs_toantrinh", "hs_tructiep", "hs_buuchinh"];
    const older: Catalogue = {
      ...DEFAULT_CATALOGUE,
      version: "2025.3",
      indicators: DEFAULT_CATALOGUE.indicators
        .filter((i) => !added.includes(i.id))
        .map(({ required: _required, ...i }) =>
          i.id === "hs_tructuyen" ? { ...i, parent: "hs_tiepnhan" } : i,
        ),
      checks: DEFAULT_CATALOGUE.checks.filter(
        (c) => !added.some((id) => JSON.stringify(c).includes(`"${id}"`)),
      ),
    };
    const typed = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: older, sample: true });
    const before = figuresOfPlans(typed.sheets, older);
    expect(before.get("hs_tructuyen")?.value).toEqual({ type: "number", value: 1102 });
    const upgraded = planInstall(workbookOf(typed.sheets));
    expect(upgraded.summary).toMatchObject({ fromVersion: "2025.3", toVersion: "2025.4", dropped: [] });
    const after = figuresOfPlans(upgraded.sheets, DEFAULT_CATALOGUE);
    const typedFigures = [...before].filter(([, figure]) => !figure.formula);
    expect(typedFigures.length).toBeGreaterThan(20);
    for (const [id, figure] of typedFigures) expect([id, after.get(id)?.value]).toEqual([id, figure.value]);
    for (const id of added) expect([id, after.get(id)?.value]).toEqual([id, { type: "blank" }]);
    // The rows of section 3 as the upgraded sheet prints them: the channels under «Mới tiếp nhận».
    const sheet = upgraded.sheets.find((s) => s.names.some((n) => n.name === inputName("hs_moi")))!;
    const rowOf = (id: string) =>
      Number(sheet.names.find((n) => n.name === inputName(id))!.address.replace(/\D+/, ""));
    const grid = gridOf(sheet);
    const rows = [
      "hs_tiepnhan",
      "hs_kytruoc",
      "hs_moi",
      "hs_tructuyen",
      "hs_toantrinh",
      "hs_tructiep",
      "hs_buuchinh",
    ];
    const first = rowOf("hs_tiepnhan");
    expect(rows.map((id) => [rowOf(id) - first, ...grid[rowOf(id) - 1].slice(0, 3)])).toEqual([
      [0, "hs_tiepnhan", "Số hồ sơ TTHC tiếp nhận", "hồ sơ"],
      [1, "hs_kytruoc", "a) Từ kỳ trước chuyển sang", "hồ sơ"],
      [2, "hs_moi", "b) Mới tiếp nhận trong kỳ", "hồ sơ"],
      [3, "hs_tructuyen", "- Tiếp nhận trực tuyến", "hồ sơ"],
      [4, "hs_toantrinh", "+ Trong đó trực tuyến toàn trình", "hồ sơ"],
      [5, "hs_tructiep", "- Tiếp nhận trực tiếp", "hồ sơ"],
      [6, "hs_buuchinh", "- Tiếp nhận qua dịch vụ bưu chính công ích", "hồ sơ"],
    ]);
  });

  it("keeps the figures of ids a new version drops on a visible sheet, and says so", () => {
    const typed = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: V1 });
    const cellOf = (id: string) => {
      for (const sheet of typed.sheets)
        for (const name of sheet.names)
          if (name.name === inputName(id)) return sheet.cells.find((c) => c.address === name.address)!;
      throw new Error(id);
    };
    cellOf("ns_ghichu").value = "Thiếu 2 người";
    cellOf("ns_danhgia").value = "Thiếu";
    cellOf("hs_nhan").value = 200;
    const upgraded = planInstall(workbookOf(typed.sheets), { catalogue: V2 });
    expect(upgraded.summary).toMatchObject({
      fromVersion: "2026.1",
      toVersion: "2026.2",
      dropped: [
        { id: "ns_ghichu", label: "Ghi nhận về nhân sự" },
        { id: "ns_danhgia", label: "Tự đánh giá nhân sự" },
      ],
    });
    const dropped = upgraded.sheets.find((s) => s.key === DROPPED_SHEET.key)!;
    expect(dropped).toMatchObject({ name: "Chỉ tiêu đã bỏ", visibility: "visible" });
    expect(gridOf(dropped).slice(3)).toEqual([
      ["ns_ghichu", "Ghi nhận về nhân sự", "Thiếu 2 người", null, "2026.1"],
      ["ns_danhgia", "Tự đánh giá nhân sự", "Thiếu", null, "2026.1"],
    ]);
    expect(figuresOfPlans(upgraded.sheets, V2).get("hs_nhan")?.value).toEqual({ type: "number", value: 200 });
    // A later reinstall keeps the rows there.
    const again = planInstall(workbookOf(upgraded.sheets), { catalogue: V2 });
    expect(gridOf(again.sheets.find((s) => s.key === DROPPED_SHEET.key)!).slice(3)).toHaveLength(2);
  });

  it("stores the catalogue in its file form", () => {
    const file = catalogueToFile(V1);
    expect(catalogueProblems(JSON.stringify(file))).toEqual([]);
    expect(parseCatalogue(JSON.stringify(file))).toEqual(V1);
  });
});

describe("a period outside its form's validity", () => {
  const findingsOf = (catalogue: Catalogue, figures: Record<string, string | number>) =>
    checkFigures(figuresFromValues(figures, catalogue), [], catalogue).filter(
      (f) => f.checkId === "form:period",
    );

  it("warns when the district form is used for a period after 1/7/2025, and the commune form before", () => {
    expect(findingsOf(DISTRICT_CATALOGUE, { ky_bao_cao: "Quý III", nam: 2021 })).toEqual([]);
    expect(
      findingsOf(DISTRICT_CATALOGUE, { ky_bao_cao: "Quý I", nam: 2026 }).map((f) => [f.severity, f.message]),
    ).toEqual([
      [
        "warning",
        "Mẫu «Mẫu báo cáo CCHC cấp huyện (Đức Thọ, Hà Tĩnh, 2021)» (huyen-2021) dùng cho các kỳ kết thúc đến ngày 30/06/2025, nhưng số liệu tính đến ngày 14/03/2026: kỳ này cần mẫu khác.",
      ],
    ]);
    expect(findingsOf(DEFAULT_CATALOGUE, { ky_bao_cao: "Quý III", nam: 2025 })).toEqual([]);
    // Without its founding day (`unitsFrom`) the commune form only warns of an earlier period …
    const withoutStart = { ...DEFAULT_CATALOGUE, unitsFrom: undefined };
    expect(findingsOf(withoutStart, { ky_bao_cao: "6 tháng", nam: 2025 }).map((f) => f.message)).toEqual([
      expect.stringMatching(
        /dùng cho các kỳ kết thúc từ ngày 01\/07\/2025, nhưng số liệu tính đến ngày 14\/06\/2025\.$/,
      ),
    ]);
    // … with it (xa-2025 since 2025.2) such a period has no data days at all: an error (issue 21).
    const errors = checkFigures(
      figuresFromValues(
        { co_quan: "UBND phường A", ky_bao_cao: "6 tháng", nam: 2025, kh_tong: 12 },
        DEFAULT_CATALOGUE,
      ),
      [],
      DEFAULT_CATALOGUE,
    ).filter((f) => f.severity === "error");
    expect(errors.map((f) => f.checkId)).toEqual(["period:beforeUnit"]);
  });
});

describe("the report's issuing body for every level", () => {
  it.each([
    ["ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM", "UBND xã Thử Nghiệm"],
    ["ỦY BAN NHÂN DÂN PHƯỜNG HÀ HUY TẬP", "UBND phường Hà Huy Tập"],
    ["ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO", "UBND đặc khu Côn Đảo"],
    ["ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ", "UBND huyện Đức Thọ"],
  ])("%s → %s", (body, short) => {
    expect(bodyShortName(body)).toBe(short);
    expect(bodyLines(body)).toEqual(["ỦY BAN NHÂN DÂN", body.slice("ỦY BAN NHÂN DÂN ".length)]);
  });
});
