import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { defineEvalArguments } from './eval-arguments.js';
import { runBin } from './run-bin.js';
import { runEvalCommand } from './run-eval-command.js';

await runBin('tp2dg-eval', defineEvalArguments(yargs(hideBin(process.argv))), runEvalCommand);
