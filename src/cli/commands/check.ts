/** `cchc check FILE.xlsx [--json]`: the findings over the file's figures. */
import { countFindings } from "../../core/checks";
import { parseArgs } from "../args";
import { EXIT, type Command } from "../command";
import { findingsJson, formatFinding, formatSummary } from "../format";

export const checkCommand: Command = {
  help: [
    "Cách dùng: npx cchc check TỆP.xlsx [--json]",
    "",
    "In mỗi lỗi/cảnh báo trên một dòng kèm ô cần xem, rồi một dòng tổng kết.",
    "",
    '  --json  In JSON: {"errors": N, "warnings": N, "findings": [{"severity", "ids", "cells", "message"}]}.',
    "",
    "Mã thoát: 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi, 2 khi không đọc được tệp.",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: { "--json": {} },
      positional: { min: 1, max: 1, name: "tệp .xlsx cần kiểm tra" },
    });
    // The file modules load only once the arguments are known to be right (see main.ts).
    const { checkFile } = await import("../../xlsx/node/operations");
    const { findings } = await checkFile(parsed.positional[0]);
    if (parsed.flags.has("--json")) {
      io.out(`${findingsJson(findings)}\n`);
    } else {
      for (const finding of findings) io.out(`${formatFinding(finding)}\n`);
      io.out(`${formatSummary(findings)}\n`);
    }
    return countFindings(findings).errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
