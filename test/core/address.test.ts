/**
 * A1 addresses as the writers read them (`parseAddress`, read character by character since
 * issue 19): absolute marks, either case, Excel's last cell; anything else refused by name.
 */
import { parseAddress } from "../../src/core/layout/model";

describe("parseAddress", () => {
  it.each([
    ["A1", 1, 1],
    ["$A$1", 1, 1],
    ["d12", 4, 12],
    ["$b7", 2, 7],
    ["A$3", 1, 3],
    ["AA10", 27, 10],
    ["Z00012", 26, 12],
    ["XFD1048576", 16_384, 1_048_576],
  ])("reads %s as column %i, row %i", (address, column, row) => {
    expect(parseAddress(address)).toEqual({ column, row });
  });

  it.each([
    "",
    "A",
    "1",
    "$",
    "$1",
    "A$",
    "A1x",
    " A1",
    "A1 ",
    "$$A1",
    "A$$1",
    "A-1",
    "@1",
    "[1",
    "`1",
    "{1",
    "ÀA1",
    "A١",
  ])("refuses %j", (address) => {
    expect(() => parseAddress(address)).toThrow(`Not an A1 address: ${address}`);
  });
});
