import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostEnv } from './host-env.js';
import { type CommandResult, runCommand } from './run-command.js';
import { type Service, startService } from './start-service.js';
import { tarballName } from '../../../../scripts/packages/pack-packages.mjs';

export type PackageManager = 'npm' | 'pnpm';

/**
 * A merchant's app in a fresh temporary folder, outside the workspace (so
 * nothing resolves through the workspace's node_modules), with the tarballs
 * copied to its `vendor/` as the READMEs tell. Every command's output goes to
 * `install-test.log` beside the app; both are kept when a step failed.
 */
export class HostApp {
  readonly dir: string;
  readonly log: string;
  env: NodeJS.ProcessEnv;
  readonly #services: Service[] = [];

  readonly #root: string;

  constructor(readonly name: string) {
    // The log sits beside the app, not in it: `medusa develop` restarts on any change in the app's folder.
    this.#root = realpathSync(mkdtempSync(join(tmpdir(), `byte8-${name}-`)));
    this.dir = join(this.#root, 'app');
    mkdirSync(this.dir);
    this.log = join(this.#root, 'install-test.log');
    this.env = hostEnv();
    writeFileSync(this.log, '');
  }

  write(file: string, content: string): void {
    writeFileSync(join(this.dir, file), content);
  }

  has(path: string): boolean {
    return existsSync(join(this.dir, path));
  }

  /** Copies the packages' tarballs to `vendor/<scope>-<name>.tgz`. */
  vendor(tarballs: Record<string, string>, names: readonly string[]): void {
    mkdirSync(join(this.dir, 'vendor'), { recursive: true });
    for (const name of names) {
      const tarball = tarballs[name];
      if (!tarball) throw new Error(`${name} is not a publishable package of the workspace`);
      copyFileSync(tarball, join(this.dir, 'vendor', tarballName(name)));
    }
  }

  run(command: string, args: readonly string[], timeoutMs = 120_000): Promise<CommandResult> {
    return runCommand(command, args, { cwd: this.dir, env: this.env, timeoutMs, log: this.log });
  }

  /** A README line as written (shell syntax allowed). */
  sh(line: string, timeoutMs = 120_000): Promise<CommandResult> {
    return runCommand(line, [], { cwd: this.dir, env: this.env, timeoutMs, log: this.log, shell: true });
  }

  start(command: string, args: readonly string[]): Service {
    const service = startService(command, args, { cwd: this.dir, env: this.env, log: this.log });
    this.#services.push(service);
    return service;
  }

  /** Stops what it started; removes the folder unless `keep` (a failed run, or BYTE8_KEEP_INSTALL_APPS=1). */
  async close(keep: boolean): Promise<void> {
    for (const service of this.#services.reverse()) await service.stop();
    if (keep || process.env.BYTE8_KEEP_INSTALL_APPS === '1') console.log(`${this.name}: app kept at ${this.dir} (log: ${this.log})`);
    else rmSync(this.#root, { recursive: true, force: true });
  }
}
