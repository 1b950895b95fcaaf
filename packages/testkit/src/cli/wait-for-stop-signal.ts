import type { EventEmitter } from 'node:events';

/** Resolves with the signal's name at the first SIGINT or SIGTERM from `signals` (the process, in production). */
export function waitForStopSignal(signals: EventEmitter): Promise<'SIGINT' | 'SIGTERM'> {
  return new Promise((resolve) => {
    const stop = (name: 'SIGINT' | 'SIGTERM') => () => {
      signals.off('SIGINT', onInt);
      signals.off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = stop('SIGINT');
    const onTerm = stop('SIGTERM');
    signals.on('SIGINT', onInt);
    signals.on('SIGTERM', onTerm);
  });
}
