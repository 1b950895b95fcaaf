import { register } from 'ts-node';

register({ transpileOnly: true, swc: true, compilerOptions: { module: 'commonjs', moduleResolution: 'node' } });
