#!/usr/bin/env node
import { runSageSim } from './run-sage-sim.js';

process.exitCode = await runSageSim(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  signals: process,
});
