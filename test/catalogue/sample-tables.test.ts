/**
 * The built-in commune sample's tables agree with its own rows: the demo a ward first sees must
 * not print figures that contradict each other (the by-field channels split the new dossiers, as
 * «Tiếp nhận trực tuyến / trực tiếp / bưu chính» sit under «Mới tiếp nhận trong kỳ» since 2025.4).
 */
import sample from "../../src/core/catalogue/data/xa-2025.sample.json";

const figures = sample.figures as Record<string, string | number>;
const num = (id: string) => Number(figures[id] ?? 0);
const fields = Object.keys(figures)
  .filter((id) => /^tthc_lv\.[^.]+\.moi$/.test(id))
  .map((id) => id.split(".")[1]);

it("splits each field's new dossiers by channel, the splits adding up to the form's rows", () => {
  expect(fields.length).toBeGreaterThan(10);
  for (const field of fields)
    expect([
      field,
      num(`tthc_lv.${field}.truc_tuyen`) +
        num(`tthc_lv.${field}.truc_tiep`) +
        num(`tthc_lv.${field}.buu_chinh`),
    ]).toEqual([field, num(`tthc_lv.${field}.moi`)]);
  const total = (column: string) => fields.reduce((sum, field) => sum + num(`tthc_lv.${field}.${column}`), 0);
  expect([total("truc_tiep"), total("buu_chinh")]).toEqual([num("hs_tructiep"), num("hs_buuchinh")]);
  // By deciding authority, «Trực tiếp, bưu chính» is the same dossiers.
  const inPerson = ["xa", "tinh", "khac"].reduce((sum, row) => sum + num(`tthc_tq.${row}.truc_tiep`), 0);
  expect(inPerson).toBe(num("hs_tructiep") + num("hs_buuchinh"));
});
