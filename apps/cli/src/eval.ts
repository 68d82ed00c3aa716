import { evalCommandLine } from './command-lines.js';
import { runBin } from './run-bin.js';

await runBin(evalCommandLine);
