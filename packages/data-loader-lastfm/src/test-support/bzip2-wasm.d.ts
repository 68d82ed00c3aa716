/** The part of bzip2-wasm (libbzip2 compiled to WebAssembly, untyped) the test fixtures use. */
declare module 'bzip2-wasm' {
  export default class BZip2 {
    init(): Promise<void>;
    compress(decompressed: Uint8Array, blockSize?: number, compressedSize?: number): Uint8Array;
  }
}
