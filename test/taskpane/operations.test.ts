/** lazyOperations: the Office operations' chunk is loaded once, on first use, and again after a failed download. */
import { lazyOperations, type PaneOperations } from "../../src/taskpane/operations";
import { fakeOperations } from "./support";

it("loads the operations on first use, once", async () => {
  const real = fakeOperations();
  const load = jest.fn(async (): Promise<PaneOperations> => real);
  const ops = lazyOperations(load);
  expect(load).not.toHaveBeenCalled();
  await ops.selectCell("'A'!B2");
  await ops.repairFunctions();
  expect(load).toHaveBeenCalledTimes(1);
  expect(real.selectCell).toHaveBeenCalledWith("'A'!B2");
  expect(real.repairFunctions).toHaveBeenCalledTimes(1);
});

it("tries the download again after it failed", async () => {
  const real = fakeOperations();
  const load = jest
    .fn<Promise<PaneOperations>, []>()
    .mockRejectedValueOnce(new Error("ChunkLoadError: Loading chunk excel failed."))
    .mockResolvedValue(real);
  const ops = lazyOperations(load);
  await expect(ops.status()).rejects.toThrow("ChunkLoadError");
  await expect(ops.status()).resolves.toMatchObject({ installed: true });
  expect(load).toHaveBeenCalledTimes(2);
});
