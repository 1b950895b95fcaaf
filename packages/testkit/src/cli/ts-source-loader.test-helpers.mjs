// Lets `node --import <this file>` run the package's TypeScript sources, so a test can start a command as a real
// child process without a build. Type-only transpilation (typescript's transpileModule); no type checking.
import { register } from 'node:module';

register('./ts-source-hooks.test-helpers.mjs', import.meta.url);
