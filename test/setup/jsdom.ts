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

/**
 * jsdom has no TextEncoder/TextDecoder, which every browser has and the docx writer uses for the
 * Word draft: Node's own are the same standard API.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

if (typeof globalThis.TextEncoder === "undefined") {
  globalThis.TextEncoder = NodeTextEncoder as typeof globalThis.TextEncoder;
  globalThis.TextDecoder = NodeTextDecoder as typeof globalThis.TextDecoder;
}
