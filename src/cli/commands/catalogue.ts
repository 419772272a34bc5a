/**
 * `cchc catalogue list|check FILE|show ID|FILE [-o FILE.xlsx]`: the built-in forms, checking a
 * province's catalogue file (every problem, with its JSON path), and a printable listing of a
 * form for review. `list` and `check` never load the file layer (only `show -o` writes a workbook).
 */
import {
  builtinFiles,
  formatProblem,
  rowNumbers,
  sectionRows,
  type Catalogue,
  type OutlinePart,
} from "../../core/catalogue";
import { formatNumberVi } from "../../core/arithmetic";
import { combineRuleOf } from "../../core/catalogue/combine";
import { targetText } from "../../core/targets";
import { COMBINE_WORDS, describeCheck } from "../../core/layout/catalogueSheets";
import { catalogueProblems } from "../../core/catalogue/validate";
import { nearest, parseArgs, UsageError } from "../args";
import { catalogueOption, readCatalogueText } from "../catalogueOption";
import { EXIT, type Command } from "../command";
import type { Io } from "../io";

const LEVEL_NAMES: Record<string, string> = { xa: "cấp xã", huyen: "cấp huyện", tinh: "cấp tỉnh" };

function validity(from?: string, to?: string): string {
  const vi = (iso: string) => iso.split("-").reverse().join("/");
  if (from && to) return `kỳ từ ${vi(from)} đến ${vi(to)}`;
  if (from) return `kỳ từ ${vi(from)}`;
  if (to) return `kỳ đến ${vi(to)}`;
  return "mọi kỳ";
}

function list(io: Io): number {
  builtinFiles().forEach((f, i) => {
    io.out(
      `${f.id}\t${f.version}\t${LEVEL_NAMES[f.level] ?? f.level}\t${validity(f.validFrom, f.validTo)}${i === 0 ? "\t(mặc định)" : ""}\n  ${f.title}\n`,
    );
  });
  return EXIT.ok;
}

function check(file: string, io: Io): number {
  const problems = catalogueProblems(readCatalogueText(file));
  if (problems.length === 0) {
    io.out(`Danh mục "${file}" hợp lệ.\n`);
    return EXIT.ok;
  }
  io.out(
    `Danh mục "${file}" có ${problems.length} lỗi:\n${problems.map((p) => `- ${formatProblem(p)}`).join("\n")}\n`,
  );
  return EXIT.findings;
}

/** The name of an input sheet by its key. */
function sheetNameOf(catalogue: Catalogue, key: string): string {
  return catalogue.sheets.find((s) => s.key === key)?.name ?? key;
}

/** The outline of the narrative report (`cchc draft`): headings, sentence templates, prompts. */
function outlineLines(catalogue: Catalogue): string[] {
  if (!catalogue.outline)
    return [
      "Dàn ý báo cáo: mẫu không có dàn ý riêng; dự thảo có một mục cho mỗi mục của mẫu, mỗi chỉ tiêu một câu.",
    ];
  const lines = ["Dàn ý báo cáo (lệnh draft):"];
  const walk = (parts: OutlinePart[], depth: number) => {
    const pad = "  ".repeat(depth);
    for (const part of parts) {
      lines.push(`${pad}${part.heading}`);
      for (const p of part.paragraphs ?? [])
        lines.push(`${pad}  ${typeof p === "string" ? p : `[${p.placeholder}]`}`);
      if (part.section !== undefined) lines.push(`${pad}  (mỗi chỉ tiêu của mục ${part.section} một câu)`);
      walk(part.parts ?? [], depth + 1);
    }
  };
  walk(catalogue.outline.parts, 1);
  return lines;
}

/**
 * The form as text: its rows by section, each with how it combines in a consolidation («[Cộng]»,
 * «[Lấy kỳ cuối]»…, explained once at the top), its checks, its criteria and the outline of the
 * draft, numbers written
 * the Vietnamese way («tối đa 0,5»).
 */
function show(catalogue: Catalogue, io: Io): void {
  // The legend explains the rules this form's rows use, in the table's order, and no other.
  const used = new Set(catalogue.indicators.map((i) => combineRuleOf(i, catalogue)));
  const rules = Object.entries(COMBINE_WORDS)
    .filter(([rule]) => used.has(rule as keyof typeof COMBINE_WORDS))
    .map(([, words]) => words);
  const width = Math.max(...rules.map((w) => w.name.length)) + 2;
  const lines = [
    `${catalogue.title}`,
    `Mã ${catalogue.id}, phiên bản ${catalogue.version}, ${LEVEL_NAMES[catalogue.level]}`,
    "",
    "Khi tổng hợp nhiều đơn vị hoặc nhiều kỳ, mỗi chỉ tiêu được tính như ghi trong [ ]:",
    ...rules.map((w) => `  ${`[${w.name}]`.padEnd(width)}  ${w.meaning}`),
    "",
  ];
  const numbers = rowNumbers(catalogue);
  for (const section of catalogue.sections) {
    lines.push(`${section.number ? `${section.number}. ` : ""}${section.title}`);
    // Indented two spaces a level and marked as Phụ lục I marks it (- Có mặt, + Trong đó …).
    for (const { indicator: i, level } of sectionRows(catalogue, section.id)) {
      const rule = combineRuleOf(i, catalogue);
      const mark = level > 0 ? `${numbers.get(i.id)?.stt ?? "-"} ` : "";
      // What the form adds to the row: required, its weight, its target («chỉ tiêu ≥ 60%»).
      const extras = [
        i.required ? "bắt buộc" : "",
        i.weightedBy ? `quyền số: ${i.weightedBy}` : "",
        i.target ? `chỉ tiêu ${targetText(i)}` : "",
      ].filter(Boolean);
      lines.push(
        `  ${"  ".repeat(level)}${mark}${i.id}: ${i.label}${i.unit ? ` (${i.unit})` : ""}${rule ? ` [${COMBINE_WORDS[rule].name}]` : ""}${extras.length ? ` (${extras.join("; ")})` : ""}`,
      );
    }
  }
  for (const table of catalogue.tables ?? []) {
    lines.push(
      `Bảng ${table.id}: ${table.title} (${table.unit}), trang «${sheetNameOf(catalogue, table.sheet)}»`,
    );
    lines.push(
      `  Dòng (${table.rowHeading ?? "Nội dung"}): ${table.rows.map((r) => `${r.id} ${r.label}`).join("; ")}`,
    );
    if (table.extraRows) lines.push(`  Đơn vị được thêm ${table.extraRows} dòng (tự ghi tên)`);
    for (const column of table.columns)
      lines.push(
        `  Cột ${column.id}: ${column.group ? `${column.group} – ` : ""}${column.label}${column.total ? ` (cộng các dòng bằng ${column.total})` : ""}`,
      );
  }
  lines.push("", "Kiểm tra:", ...catalogue.checks.map((c) => `  ${describeCheck(c)}`));
  lines.push(
    "",
    "Tiêu chí:",
    ...catalogue.criteria.map((c) => `  ${c.code}: ${c.label} (tối đa ${formatNumberVi(c.max)})`),
  );
  lines.push("", ...outlineLines(catalogue));
  io.out(`${lines.join("\n")}\n`);
}

export const catalogueCommand: Command = {
  help: [
    "Cách dùng:",
    "  npx cchc catalogue list                         Các mẫu có sẵn: mã, phiên bản, cấp, kỳ áp dụng.",
    "  npx cchc catalogue check TỆP.json               Kiểm tra tệp danh mục; liệt kê mọi lỗi kèm vị trí.",
    "  npx cchc catalogue show MÃ|TỆP [-o TỆP.xlsx]    In các chỉ tiêu (kèm cách tổng hợp), quy tắc kiểm tra,",
    "                                                  tiêu chí;",
    "                                                  -o: ghi thành bảng tính để in và rà soát.",
    "",
    "Mã thoát: 0 hợp lệ; 1 khi tệp danh mục có lỗi; 2 khi không đọc được tệp hoặc gõ sai lệnh.",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: { "--output": { value: true, aliases: ["-o"] }, "--force": {} },
      positional: { min: 1, max: 2, name: "list, check hoặc show" },
    });
    const [action, target] = parsed.positional;
    if (action === "list") {
      if (target !== undefined) throw new UsageError("catalogue list không nhận thêm tham số.");
      return list(io);
    }
    if (action !== "check" && action !== "show") {
      const near = nearest(action, ["list", "check", "show"]);
      throw new UsageError(
        `Không có "catalogue ${action}"${near ? ` (có phải ý bạn là: cchc catalogue ${near}?)` : ""}: dùng list, check hoặc show.`,
      );
    }
    if (target === undefined)
      throw new UsageError(`Thiếu ${action === "check" ? "tệp danh mục" : "mã hoặc tệp danh mục"}.`);
    if (action === "check") return check(target, io);
    const catalogue = catalogueOption(target, undefined)!;
    const output = parsed.flags.get("--output");
    if (typeof output === "string") {
      if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tên tệp "${output}" phải có đuôi .xlsx.`);
      // A province's catalogue file is never replaced by its listing (a link named .xlsx to it).
      const { refuseMissingFolder, refuseOutputOverInput } = await import("../../xlsx/node/safeWrite");
      await refuseOutputOverInput(output, [target]);
      await refuseMissingFolder(output);
      // The file layer only for the workbook listing.
      const { writeCatalogueListing } = await import("../../xlsx/node/operations");
      await writeCatalogueListing(output, catalogue, { overwrite: parsed.flags.has("--force") });
      io.out(`Đã ghi danh mục ${catalogue.id} ${catalogue.version} vào "${output}".\n`);
    } else show(catalogue, io);
    return EXIT.ok;
  },
};
