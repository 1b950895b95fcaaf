#!/usr/bin/env node
import { runLedgerSim } from './run-ledger-sim.js';

process.exitCode = await runLedgerSim(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  signals: process,
});
