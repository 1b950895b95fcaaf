#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { runCli } from './run-cli.js';
import { workerV8Flags } from './worker-heap.js';

// The edge of the program: the only place that reads the process's env and signals.
for (const flag of workerV8Flags(process.argv.slice(2), process.execArgv)) setFlagsFromString(flag);
const controller = new AbortController();
let signals = 0;
const onSignal = (name: NodeJS.Signals) => {
  signals += 1;
  if (signals > 1) {
    process.stderr.write(`byte8: second ${name}, exiting now\n`);
    process.exit(130);
  }
  controller.abort(new Error(name));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
