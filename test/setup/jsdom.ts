/**
 * jsdom has no ResizeObserver, which some Fluent UI v9 components construct on mount. Nothing in
 * a unit test resizes, so an observer that never fires is faithful enough.
 */
class NoopResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = NoopResizeObserver;
}
