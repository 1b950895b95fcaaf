import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostApp } from '../harness/host-app.js';
import { WORKSPACE_ROOT } from '../harness/workspace-root.js';

const plugin = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'packages/adapter-medusa/package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
/** The versions the plugin is built and tested with, so the app matches them. */
const version = (name: string): string => {
  const pinned = plugin.devDependencies[name];
  if (!pinned) throw new Error(`@byte8/adapter-medusa has no devDependency ${name}`);
  return pinned;
};

/**
 * The files `create-medusa-app` gives a new Medusa 2.21 app (its package.json,
 * tsconfig.json and .env), without a storefront or seed data: the state of a
 * merchant's app before the README's first step.
 */
export function writeFreshMedusaApp(app: HostApp, options: { databaseUrl: string; port: number }): void {
  const medusa = version('@medusajs/medusa');
  app.write(
    'package.json',
    `${JSON.stringify(
      {
        name: 'byte8-install-shop',
        version: '0.0.1',
        private: true,
        scripts: { build: 'medusa build', start: 'medusa start', dev: 'medusa develop' },
        dependencies: {
          '@medusajs/admin-sdk': medusa,
          '@medusajs/cli': medusa,
          '@medusajs/framework': medusa,
          '@medusajs/medusa': medusa,
        },
        devDependencies: {
          '@swc/core': version('@swc/core'),
          '@types/node': version('@types/node'),
          '@types/react': version('@types/react'),
          react: version('react'),
          'react-dom': version('react-dom'),
          'ts-node': version('ts-node'),
          typescript: version('typescript'),
        },
        engines: { node: '>=20' },
      },
      null,
      2,
    )}\n`,
  );
  app.write(
    'tsconfig.json',
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2021',
          esModuleInterop: true,
          module: 'Node16',
          moduleResolution: 'Node16',
          emitDecoratorMetadata: true,
          experimentalDecorators: true,
          skipLibCheck: true,
          declaration: false,
          sourceMap: false,
          inlineSourceMap: true,
          outDir: './.medusa/server',
          rootDir: './',
          jsx: 'react-jsx',
          resolveJsonModule: true,
          checkJs: false,
          strictNullChecks: true,
        },
        'ts-node': { swc: true },
        include: ['**/*', '.medusa/types/*'],
        exclude: ['node_modules', '.medusa/server', '.medusa/admin', '.cache', 'vendor'],
      },
      null,
      2,
    )}\n`,
  );
  const local = `http://localhost:${options.port}`;
  app.write(
    '.env',
    [
      'STORE_CORS=http://localhost:8000',
      `ADMIN_CORS=http://localhost:5173,${local}`,
      `AUTH_CORS=http://localhost:5173,${local}`,
      'JWT_SECRET=supersecret',
      'COOKIE_SECRET=supersecret',
      `DATABASE_URL=${options.databaseUrl}`,
      '',
    ].join('\n'),
  );
}
