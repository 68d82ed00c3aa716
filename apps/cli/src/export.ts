import { exportCommandLine } from './command-lines.js';
import { runBin } from './run-bin.js';

await runBin(exportCommandLine);
