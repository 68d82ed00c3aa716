import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { defineGenerateArguments } from './generate-arguments.js';
import { runBin } from './run-bin.js';
import { runGenerateCommand } from './run-generate-command.js';

await runBin('tp2dg-generate', defineGenerateArguments(yargs(hideBin(process.argv))), runGenerateCommand);
