import { workerCrashDrill } from './harness/worker-crash-drill.js';

workerCrashDrill({ name: 'worker-crash', title: 'worker crashes (SIGKILL of `byte8 worker` mid-drain)', dialect: 'pg' });
