#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The edge of the program: the only place that reads the process's env and signals.
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
