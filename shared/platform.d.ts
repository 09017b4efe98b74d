/**
 * The few web-platform globals that both browsers and Node.js have, and all that shared/ may use beyond the
 * language: this folder is type-checked with neither the DOM's nor Node's types (shared/tsconfig.json).
 */
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
