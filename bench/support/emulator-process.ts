/**
 * Runs the Gemini emulator in a process of its own, so a bench can measure the generator's
 * CPU without the emulator's. Prints `{"baseUrl": ...}` on one line, then serves until its
 * standard input closes (the bench ends or dies).
 */
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';

const emulator = await startGeminiEmulator({ latencyMs: 0 });
console.log(JSON.stringify({ baseUrl: emulator.baseUrl }));
process.stdin.resume();
process.stdin.on('end', () => {
  void emulator.close().then(() => process.exit(0));
});
